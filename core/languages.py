"""Which languages a page or view exists in, and the URL of each, for the switcher and hreflang."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db.models import F, Q
from django.urls import translate_url
from django.utils.translation import get_language, get_language_from_path, override, pgettext_lazy
from wagtail.models import Locale, Page

from core.content_language import default_language_code
from core.root_paths import with_root_paths
from pagecache.memo import per_language_and_generation

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


def _ordered(urls_by_language, current_language):
    return [
        Alternate(code, LANGUAGE_NAMES[code], urls_by_language[code], code == current_language)
        for code in LANGUAGE_NAMES
        if code in urls_by_language
    ]


def page_alternates(page, request):
    """The live translations of `page` (itself included), in the site's language order.

    Untranslated aliases are left out: a language where the page is not translated yet is not
    offered, and no hreflang claims the source text is, say, English. Kept per page until the
    next publish, except for a page not saved yet (an editor's preview).
    """
    from core.routing import find_site  # core.routing needs the models loaded

    site = find_site(request) if request is not None else None
    if page.pk is None or site is None:
        return _page_alternates(page, site)
    return _memoised_page_alternates(page, site)


def _page_alternates(page, site):
    urls = {}
    translations = (
        page.get_translations(inclusive=True)
        .live()
        .exclude(UNTRANSLATED_ALIAS)
        .select_related("locale")
    )
    for translation in translations:
        url = with_root_paths(translation).get_url(current_site=site)
        if url:
            urls[translation.locale.language_code] = url
    return _ordered(urls, page.locale.language_code)


@per_language_and_generation
def _memoised_page_alternates(page, site):
    return _page_alternates(page, site)


def view_alternates(request):
    """For views outside the page tree: the same path under each language prefix."""
    current = get_language()
    urls = {code: translate_url(request.get_full_path(), code) for code in LANGUAGE_NAMES}
    return _ordered(urls, current)


def page_at(path, language_code, site):
    """The live page of `language_code`'s tree at `path` (its URL without the prefix), or None."""
    from core.routing import language_root, locate  # core.routing needs the models loaded

    with override(language_code):
        root = language_root(site)
        found = locate(site, path)
    depth = root.depth + len([part for part in path.split("/") if part])
    if found is None or found[2] != depth:
        return None
    return Page.objects.live().filter(pk=found[0]).first()


def path_in_language(path, language_code, request):
    """A local path of this site as a visitor switching to `language_code` expects it.

    A page's translation when it has one (without the query, whose filters name things of the
    other language), else that language's home page; any other view under the new prefix.
    """
    from core.routing import find_site

    parts = urlsplit(path)
    current = get_language_from_path(parts.path)
    if current is None or current == language_code:
        return path if current else translate_url(path, language_code)
    site = find_site(request)
    page = page_at(parts.path.removeprefix(f"/{current}/"), current, site) if site else None
    if page is None:
        return translate_url(path, language_code)
    translated = page.get_translation_or_none(Locale.objects.get_for_language(language_code))
    if translated is None or not translated.live:
        return f"/{language_code}/"
    return translated.get_url(request) or f"/{language_code}/"


def preferences_alternates(request, return_path):
    """The preferences page in each language, each leading back to the visitor's page in it."""
    urls = {
        code: translate_url(request.path, code)
        + "?"
        + urlencode({"next": path_in_language(return_path, code, request)}, safe="/")
        for code in LANGUAGE_NAMES
    }
    return _ordered(urls, get_language())


def home_alternates(request):
    """Each language's home page: the fallback where a path has no translation (a 404)."""
    urls = {}
    root_pages = Page.objects.filter(depth=2, live=True).select_related("locale")
    for root in root_pages:
        url = root.get_url(request=request)
        if url:
            urls[root.locale.language_code] = url
    return _ordered(urls, get_language())


def x_default(alternates):
    """The version for visitors whose language we do not have: the default language's."""
    by_code = {alternate.language_code: alternate for alternate in alternates}
    default = by_code.get(default_language_code())
    return default or (alternates[0] if alternates else None)
