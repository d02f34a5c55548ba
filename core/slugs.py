"""Page slugs in the page's own language, made from its title when a translation is created.

Azerbaijani and English titles are Latin: their letters are kept, with the Azerbaijani ones
folded to ASCII as the site's addresses always spell them (ə→e, ı→i, ö→o, ü→u, ğ→g, ş→s, ç→c:
"Əlçatanlıq" → "elcatanliq"). Russian is transliterated with the scheme of ICAO Doc 9303 that
Russian passports use ("Посещение детского дома" → "poseshchenie-detskogo-doma"): ж zh, х kh,
ц ts, ч ch, ш sh, щ shch, ы y, й i, ъ ie, ь dropped, э e, ю iu, я ia, ё e.
"""

from django.utils.text import slugify

AZERBAIJANI_LETTERS = str.maketrans(
    {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u",
     "ğ": "g", "Ğ": "g", "ş": "s", "Ş": "s", "ç": "c", "Ç": "c"}
)  # fmt: skip
RUSSIAN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
MAX_SLUG_LENGTH = 60


def transliterate(text, language_code):
    """`text` in ASCII Latin letters, by the scheme of its language."""
    text = text.translate(AZERBAIJANI_LETTERS)
    if language_code == "ru" or any(letter.lower() in RUSSIAN_LETTERS for letter in text):
        text = "".join(RUSSIAN_LETTERS.get(letter.lower(), letter) for letter in text)
    return text


def localised_slug(title, language_code, max_length=MAX_SLUG_LENGTH):
    """A slug for `title` in its language, cut at a word so that it stays readable."""
    slug = slugify(transliterate(title, language_code))
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug or "page"


def available_slug(slug, parent, page):
    """`slug`, or `slug-2`, `slug-3`… the first no sibling of `page` under `parent` uses."""
    candidate, number = slug, 1
    while not page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def source_locale_id(page):
    """The locale of the page wagtail-localize translated `page` from, or None."""
    from wagtail_localize.models import TranslationSource

    sources = TranslationSource.objects.filter(object_id=page.translation_key)
    return sources.exclude(locale_id=page.locale_id).values_list("locale_id", flat=True).first()


def localise_translation_slug(page):
    """Give a translation that still carries its source's slug one made from its own title.

    Called before the page is saved: a slug changed here updates the page's address like an
    editor's change does, and Wagtail's redirects app then keeps the old address working.
    A language's home page keeps its language code; an untranslated mirror (an alias) keeps
    its source's slug, since it shows the source; a slug typed for this language (even one
    another translation shares) is kept.
    """
    from wagtail.models import Page

    if not page.depth or page.depth <= 2 or page.alias_of_id or not page.locale_id:
        return
    source_locale = source_locale_id(page)
    if source_locale is None:
        return
    source = Page.objects.filter(translation_key=page.translation_key, locale_id=source_locale)
    if not source.filter(slug=page.slug).exists():
        return
    slug = localised_slug(page.title, page.locale.language_code)
    if slug != page.slug:
        page.slug = available_slug(slug, page.get_parent(), page)
