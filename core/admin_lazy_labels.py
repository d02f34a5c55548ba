"""Admin labels that Wagtail translates once at import time, made to follow each editor's language.

Wagtail's redirects filter calls `gettext` when its module is imported, in the default language
(az): every editor, Russian and English too, then saw "Növ", "Daimi", "Müvəqqəti". Lazy strings
are translated when the form is shown, in the editor's language.
"""

from django.utils.translation import gettext_lazy


def translate_redirect_filter_when_shown():
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet

    redirect_type = RedirectsReportFilterSet.base_filters["is_permanent"]
    redirect_type.label = gettext_lazy("Type")
    redirect_type.extra["choices"] = (
        (True, gettext_lazy("Permanent")),
        (False, gettext_lazy("Temporary")),
    )
    redirect_type.extra["empty_label"] = gettext_lazy("All")
