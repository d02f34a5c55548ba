"""A string missing from a catalog shows in English (its msgid), never in another language.

Django falls back from any language to LANGUAGE_CODE: with the site's default "az", a Russian
editor met Azerbaijani wherever Wagtail's Russian catalog lacks a string ("15 страницы içindən
1-15"), and the admin's script catalogs served Azerbaijani labelled `Content-Language: ru`.
English is what every msgid already is, so no fallback catalog is added at all.
"""

from django.utils.translation import trans_real


def no_fallback_to_the_default_language(translation, localedirs=None):
    """Replaces DjangoTranslation._add_fallback: the msgid (English) is the fallback."""


def use_english_as_the_only_fallback():
    """Install the rule; forget the catalogs built before, which may hold the old fallback."""
    trans_real.DjangoTranslation._add_fallback = no_fallback_to_the_default_language
    trans_real._translations = {}
    trans_real._default = None
