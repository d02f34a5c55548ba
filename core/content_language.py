"""The content language being served and the default one, read from the settings without a query.

Its own module so that routing and languages can both use it: languages needs routing lazily
(to find a page's site), and routing needs the language it serves.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant


def active_language_code():
    """The content language Wagtail's `Locale.get_active()` names, without its query."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def default_language_code():
    """The default locale's language (`Locale.get_default()`'s), read from the settings."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
