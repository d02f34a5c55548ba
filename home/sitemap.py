"""sitemap.xml (every live page of every language, with its hreflang alternates) and robots.txt."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.utils.encoding import iri_to_uri
from django.utils.timezone import localtime
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from home.languages import UNTRANSLATED_ALIAS, default_language_code
from home.visibility import public


@dataclass
class SitemapEntry:
    location: str
    language_code: str
    lastmod: str
    alternates: list = field(default_factory=list)


def language_roots(site):
    """The site's root page and its translations: one tree per language."""
    return site.root_page.get_translations(inclusive=True).live()


def live_pages(site):
    """Every live, public page of every language tree of `site`, in tree order."""
    pages = Page.objects.none()
    for root in language_roots(site):
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    # Mirrors of untranslated pages repeat another language's content: not alternates.
    return public(pages.live()).exclude(UNTRANSLATED_ALIAS).order_by("path")


@dataclass(frozen=True)
class LanguageTree:
    language_code: str
    url_path: str
    url: str


def language_trees(site, request):
    """Each language tree's root url_path and URL: a page's URL is its root's URL followed by
    the rest of its url_path, as Wagtail's `get_url` builds it (without asking per page)."""
    trees = {}
    for root in language_roots(site).select_related("locale"):
        url = root.get_url(request)
        if url:
            # The host the visitor (or crawler) asked for, as the pages' <link rel=alternate> use.
            url = request.build_absolute_uri(url)
            trees[root.path] = LanguageTree(root.locale.language_code, root.url_path, url)
    return trees


def sitemap_entries(site, request):
    """Entries with alternates: each translation group lists every member, itself included."""
    entries = []
    groups = defaultdict(list)
    trees = language_trees(site, request)
    rows = live_pages(site).values_list("path", "url_path", "translation_key", "last_published_at")
    for path, url_path, translation_key, last_published_at in rows:
        tree = trees.get(path[: 2 * Page.steplen])
        if tree is None or not url_path.startswith(tree.url_path):
            continue
        location = tree.url + iri_to_uri(url_path[len(tree.url_path) :])
        lastmod = localtime(last_published_at).isoformat() if last_published_at else ""
        entry = SitemapEntry(location, tree.language_code, lastmod)
        entries.append(entry)
        groups[translation_key].append(entry)
    default_language = default_language_code()
    for members in groups.values():
        alternates = sorted((member.language_code, member.location) for member in members)
        default = [location for code, location in alternates if code == default_language]
        if default:
            alternates.append(("x-default", default[0]))
        for member in members:
            member.alternates = alternates if len(members) > 1 else []
    return entries


def _site(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


@require_safe
def sitemap(request):
    entries = sitemap_entries(_site(request), request)
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


@require_safe
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", {}, content_type="text/plain; charset=utf-8")
