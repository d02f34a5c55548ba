"""Text a translation still shows in its source language, so that templates mark it with `lang`.

wagtail-localize publishes a translation with every string the translator left out in the
source language (its `save_target` falls back to the source). An alt text, caption or link text
shown that way is read by a screen reader in the page's voice unless it carries `lang`.
"""

from html import unescape

from wagtail_localize.models import String

CACHE_ATTRIBUTE = "_untranslated_strings"


def untranslated_strings(page):
    """{text: source language} of the strings `page` shows untranslated; one query, memoised."""
    cached = getattr(page, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    found = {}
    translation_key = getattr(page, "translation_key", None)
    if translation_key is not None and getattr(page, "locale_id", None) is not None:
        rows = (
            String.objects.filter(segments__source__object_id=translation_key)
            .exclude(locale_id=page.locale_id)
            .exclude(translations__locale_id=page.locale_id)
            .values_list("data", "locale__language_code")
            .distinct()
        )
        # wagtail-localize keeps plain text HTML-escaped; templates hold the plain value.
        found = {unescape(data): language for data, language in rows}
    setattr(page, CACHE_ATTRIBUTE, found)
    return found


def source_language_of(page, text):
    """The language `text` is in when `page` shows it untranslated, else ""."""
    if page is None or not text:
        return ""
    return untranslated_strings(page).get(str(text).strip(), "")
