"""Which languages a page or view exists in, and the URL of each, for the switcher and hreflang."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from django.urls import translate_url
from django.utils.translation import get_language, pgettext_lazy
from wagtail.models import Locale, Page

from core.content_language import default_language_code
from core.root_paths import with_root_paths
from pagecache.memo import StandIn, per_language_and_generation, per_language_and_visibility

LANGUAGE_NAMES = dict(settings.WAGTAIL_CONTENT_LANGUAGES)

# "(PDF, 1.2 MB, in English)": a file's language said in the page's language, so that a screen
# reader reads it in the page's voice; the language's own name is for the language switcher.
FILE_LANGUAGE_LABELS = {
    "az": pgettext_lazy("file language", "in Azerbaijani"),
    "en": pgettext_lazy("file language", "in English"),
    "ru": pgettext_lazy("file language", "in Russian"),
}


def file_language_label(language_code):
    """ "in English" in the active language, for a file or document in `language_code`."""
    return FILE_LANGUAGE_LABELS.get(language_code, LANGUAGE_NAMES.get(language_code, ""))


@dataclass(frozen=True)
class Alternate:
    language_code: str
    name: str
    url: str
    is_current: bool


@dataclass(frozen=True)
class UntranslatedContent:
    """What an untranslated page shows instead: its source, in the source's language."""

    language_code: str
    name: str


# A page in one language that mirrors a page of another (wagtail-localize's locale
# synchronisation); a same-language alias (Wagtail's "create alias") is real content.
UNTRANSLATED_ALIAS = Q(alias_of__isnull=False) & ~Q(alias_of__locale=F("locale"))


def content_source(page):
    """The page in another language whose content `page` shows, or None if `page` has its own."""
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    source = page.alias_of
    return source if source.locale_id != page.locale_id else None


def foreign_content_language(page):
    """The language of a page's title and text when it is not the visitor's language, else "".

    For `lang` on links and cards that show an untranslated page's source-language title.
    Menus, listings and breadcrumbs show pages of the visitor's own language tree, so only a
    mirror of an untranslated page (an alias) can differ; other pages cost no query here.
    """
    source = content_source(page)
    if source is None:
        return ""
    code = source.locale.language_code
    return code if code != get_language() else ""


def untranslated_content(page):
    source = content_source(page)
    if source is None:
        return None
    code = source.locale.language_code
    return UntranslatedContent(code, LANGUAGE_NAMES.get(code, code))


def content_language(page):
    """The language of the content `page` shows: its own, or its source's when untranslated."""
    source = content_source(page)
    return (source or page).locale.language_code


@per_language_and_visibility
def active_locale():
    """`Locale.get_active()`, kept until locales change (which starts a new visibility)."""
    return Locale.get_active()


def ordered_alternates(urls_by_language, current_language):
    return [
        Alternate(code, LANGUAGE_NAMES[code], urls_by_language[code], code == current_language)
        for code in LANGUAGE_NAMES
        if code in urls_by_language
    ]


def page_alternates(page, site):
    """The live translations of `page` (itself included), in the site's language order.

    Untranslated aliases are left out: a language where the page is not translated yet is not
    offered, and no hreflang claims the source text is, say, English. Kept per page until the
    next publish, except for a page not saved yet (an editor's preview).
    """
    if page.pk is None or site is None:
        return _page_alternates(page, site)
    return _memoised_page_alternates(page, site)


def _page_alternates(page, site):
    translations = (
        page.get_translations(inclusive=True)
        .live()
        .exclude(UNTRANSLATED_ALIAS)
        .select_related("locale")
    )
    return alternates_among(page, translations, site)


def is_alternate(translation):
    """Whether a translation (read with its locale and `alias_of`) is offered: live, and not
    an untranslated alias (`UNTRANSLATED_ALIAS`, in Python)."""
    untranslated = translation.alias_of_id is not None and (
        translation.alias_of.locale_id != translation.locale_id
    )
    return translation.live and not untranslated


def seed_page_alternates(page, translations, site):
    """Memoise `page`'s alternates from `translations` (every translation of it, itself
    included, read with their locales and `alias_of`): for a caller that read them with it."""
    offered = [translation for translation in translations if is_alternate(translation)]
    _memoised_page_alternates.seed((page, site), alternates_among(page, offered, site))


def alternates_held(model, pk, site):
    """Whether the alternates of page `pk` (of `model`) for `site` are memoised here."""
    return _memoised_page_alternates.held(StandIn(model, pk), site)


def alternates_among(page, translations, site):
    urls = {}
    for translation in translations:
        url = with_root_paths(translation).get_url(current_site=site)
        if url:
            urls[translation.locale.language_code] = url
    return ordered_alternates(urls, page.locale.language_code)


@per_language_and_generation
def _memoised_page_alternates(page, site):
    return _page_alternates(page, site)


def view_alternates(request):
    """For views outside the page tree: the same path under each language prefix."""
    current = get_language()
    urls = {code: translate_url(request.get_full_path(), code) for code in LANGUAGE_NAMES}
    return ordered_alternates(urls, current)


def home_alternates(request):
    """Each language's home page: the fallback where a path has no translation (a 404)."""
    urls = {}
    root_pages = Page.objects.filter(depth=2, live=True).select_related("locale")
    for root in root_pages:
        url = root.get_url(request=request)
        if url:
            urls[root.locale.language_code] = url
    return ordered_alternates(urls, get_language())


def x_default(alternates):
    """The version for visitors whose language we do not have: the default language's."""
    by_code = {alternate.language_code: alternate for alternate in alternates}
    default = by_code.get(default_language_code())
    return default or (alternates[0] if alternates else None)
