"""Month names as our catalogs spell them, overriding Django's.

Django's Azerbaijani catalog capitalises month names ("13 Fevral 2020"); Azerbaijani writes them
in lower case ("13 fevral 2020"). Marking the names here puts them into `locale/*/django.po`, and
our catalog (first in LOCALE_PATHS) wins over Django's. Nothing imports this module at run time.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The month on its own, as in "fevral 2020" (date format letter F).
MONTH_NAMES = [
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
]

# The month inside a full date, as in "13 fevral 2020" (date format letter E); Russian uses the
# genitive here ("13 февраля 2020").
MONTH_NAMES_IN_A_DATE = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
