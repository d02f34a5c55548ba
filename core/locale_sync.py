"""Untranslated pages in every language: wagtail-localize's locale synchronisation.

With every other language synchronised from the default one, a page written in Azerbaijani
also appears in the English and Russian trees at once, as an alias showing the Azerbaijani
content, until it is translated (wagtail-localize then turns the alias into the translation).
The public templates mark such content with its own `lang` and tell visitors it is untranslated.
"""

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization


def synchronise_languages_from_default():
    """Make every other language follow the default one; creates the missing aliases now."""
    default = Locale.get_default()
    for locale in Locale.objects.exclude(pk=default.pk):
        synchronisation = LocaleSynchronization.objects.filter(locale=locale).first()
        if synchronisation is None:
            LocaleSynchronization.objects.create(locale=locale, sync_from=default)
        else:
            # Saving runs wagtail-localize's synchronisation, which adds aliases for new pages.
            synchronisation.sync_from = default
            synchronisation.save()


def build_locale_synchronisation(context):
    """Demo builder, run last: aliases for every page the demo leaves untranslated."""
    synchronise_languages_from_default()
