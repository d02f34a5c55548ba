"""Text a translation still shows in its source language, so that templates mark it with `lang`.

wagtail-localize publishes a translation with every string the translator left out in the
source language (its `save_target` falls back to the source). An alt text, caption or link text
shown that way is read by a screen reader in the page's voice unless it carries `lang`.
"""

from collections import defaultdict
from html import unescape

from wagtail_localize.models import String

from core.languages import foreign_content_language

CACHE_ATTRIBUTE = "_untranslated_strings"


def untranslated_strings(page):
    """{text: source language} of the strings `page` shows untranslated; one query, memoised."""
    cached = getattr(page, CACHE_ATTRIBUTE, None)
    if cached is None:
        remember_untranslated_strings([page])
        cached = getattr(page, CACHE_ATTRIBUTE, {})
    return cached


def remember_untranslated_strings(pages):
    """Find the untranslated strings of many pages at once (listings, menus): one query per
    language among them, each page memoised as `untranslated_strings` would memoise it."""
    by_locale = defaultdict(list)
    for page in pages:
        if getattr(page, CACHE_ATTRIBUTE, None) is not None:
            continue
        setattr(page, CACHE_ATTRIBUTE, {})
        if getattr(page, "translation_key", None) and getattr(page, "locale_id", None):
            by_locale[page.locale_id].append(page)
    for locale_id, group in by_locale.items():
        rows = (
            String.objects.filter(
                segments__source__object_id__in={p.translation_key for p in group}
            )
            .exclude(locale_id=locale_id)
            .exclude(translations__locale_id=locale_id)
            .values_list("segments__source__object_id", "data", "locale__language_code")
            .distinct()
        )
        found = defaultdict(dict)
        for translation_key, data, language in rows:
            # wagtail-localize keeps plain text HTML-escaped; templates hold the plain value.
            found[translation_key][unescape(data)] = language
        for page in group:
            setattr(page, CACHE_ATTRIBUTE, found.get(page.translation_key, {}))
    return pages


def source_language_of(page, text):
    """The language `text` is in when `page` shows it untranslated, else ""."""
    if page is None or not text:
        return ""
    return untranslated_strings(page).get(str(text).strip(), "")


def title_language(page):
    """The language of `page`'s title where it is not the visitor's, else ""."""
    return foreign_content_language(page) or source_language_of(page, page.title)
