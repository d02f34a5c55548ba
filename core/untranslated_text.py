"""Text a translation still shows in its source language, so that templates mark it with `lang`.

wagtail-localize publishes a translation with every string the translator left out in the
source language (its `save_target` falls back to the source). An alt text, caption or link text
shown that way is read by a screen reader in the page's voice unless it carries `lang`.
"""

from collections import defaultdict
from html import unescape

from wagtail_localize.models import String

from core.languages import foreign_content_language
from pagecache.memo import per_language_and_generation

CACHE_ATTRIBUTE = "_untranslated_strings"


def untranslated_strings(page):
    """{text: source language} of the strings `page` shows untranslated (see
    `untranslated_strings_in`), memoised on the page."""
    cached = getattr(page, CACHE_ATTRIBUTE, None)
    if cached is None:
        remember_untranslated_strings([page])
        cached = getattr(page, CACHE_ATTRIBUTE, {})
    return cached


def remember_untranslated_strings(pages):
    """Give many pages at once (listings, menus) what `untranslated_strings` would find: read
    from one answer per language for the whole site (`untranslated_strings_in`), not one query
    per list."""
    for page in pages:
        if getattr(page, CACHE_ATTRIBUTE, None) is not None:
            continue
        found = {}
        if getattr(page, "translation_key", None) and getattr(page, "locale_id", None):
            found = untranslated_strings_in(page.locale_id).get(str(page.translation_key), {})
        setattr(page, CACHE_ATTRIBUTE, found)
    return pages


@per_language_and_generation
def untranslated_strings_in(locale_id):
    """{translation key: {text: source language}} of every string left untranslated in the
    translations into the locale `locale_id`: one query, kept like the other site furniture
    (until the next publish, which a translation needs to show anything new). Only sources
    translated into that locale are read, so its size is that of the untranslated strings, not
    of the site."""
    rows = (
        String.objects.filter(segments__source__translations__target_locale_id=locale_id)
        .exclude(locale_id=locale_id)
        .exclude(translations__locale_id=locale_id)
        .values_list("segments__source__object_id", "data", "locale__language_code")
        .distinct()
    )
    found = defaultdict(dict)
    for translation_key, data, language in rows:
        # wagtail-localize keeps plain text HTML-escaped; templates hold the plain value.
        found[str(translation_key)][unescape(data)] = language
    return dict(found)


def source_language_of(page, text):
    """The language `text` is in when `page` shows it untranslated, else ""."""
    if page is None or not text:
        return ""
    return untranslated_strings(page).get(str(text).strip(), "")


def title_language(page):
    """The language of `page`'s title where it is not the visitor's, else ""."""
    return foreign_content_language(page) or source_language_of(page, page.title)
