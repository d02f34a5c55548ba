"""sitemap.xml (every live page of every language, with its hreflang alternates) and robots.txt."""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponseNotFound
from django.template.response import TemplateResponse
from django.utils.encoding import iri_to_uri
from django.utils.timezone import localtime
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from core.content_language import default_language_code
from core.languages import UNTRANSLATED_ALIAS
from core.routing import find_site
from core.visibility import public


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
        # The site's configured address (Wagtail's Site), never the Host or port a request names.
        url = root.get_full_url(request)
        if url:
            trees[root.path] = LanguageTree(root.locale.language_code, root.url_path, url)
    return trees


ROW_FIELDS = ("path", "url_path", "translation_key", "last_published_at")


def entry_for(row, trees):
    """A sitemap entry for one page's row, or None for a page outside the language trees."""
    path, url_path, translation_key, last_published_at = row
    tree = trees.get(path[: 2 * Page.steplen])
    if tree is None or not url_path.startswith(tree.url_path):
        return None
    location = tree.url + iri_to_uri(url_path[len(tree.url_path) :])
    lastmod = localtime(last_published_at).isoformat() if last_published_at else ""
    return SitemapEntry(location, tree.language_code, lastmod)


def sitemap_entries(site, request, section=None):
    """Entries with alternates: each translation group lists every member, itself included.

    `section` (a slice) limits the entries to part of the site; their alternates still name
    every translation, wherever it is listed.
    """
    trees = language_trees(site, request)
    pages = live_pages(site)
    rows = pages.values_list(*ROW_FIELDS)
    rows = list(rows if section is None else rows[section])
    entries = {}
    for row in rows:
        entry = entry_for(row, trees)
        if entry is not None:
            entries[row] = entry
    groups = defaultdict(list)
    if section is None:
        members = entries.items()
    else:
        keys = {row[2] for row in rows}
        member_rows = pages.filter(translation_key__in=keys).values_list(*ROW_FIELDS)
        members = [(row, entries.get(row) or entry_for(row, trees)) for row in member_rows]
    for row, entry in members:
        if entry is not None:
            groups[row[2]].append(entry)
    default_language = default_language_code()
    for group in groups.values():
        alternates = sorted((member.language_code, member.location) for member in group)
        default = [location for code, location in alternates if code == default_language]
        if default:
            alternates.append(("x-default", default[0]))
        for member in group:
            member.alternates = alternates if len(group) > 1 else []
    return list(entries.values())


def _site(request):
    return find_site(request) or Site.objects.get(is_default_site=True)


def part_count(site):
    """How many parts sitemap.xml has: 1 up to `SITEMAP_PAGE_SIZE` pages."""
    return max(1, math.ceil(live_pages(site).count() / settings.SITEMAP_PAGE_SIZE))


def parse_section_number(value, count):
    """The sitemap part a crawler asks for (1 to `count`), or None when the value is wrong."""
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        return None
    number = int(value)
    return number if 1 <= number <= count else None


@require_safe
def sitemap(request):
    """The whole sitemap, or past `SITEMAP_PAGE_SIZE` pages a sitemap index of its parts
    (`?page=1`, `?page=2`, ...), each part as cheap to build however big the site grows."""
    site = _site(request)
    size = settings.SITEMAP_PAGE_SIZE
    parts = part_count(site)
    requested = request.GET.get("page")
    if requested is None and parts > 1:
        base = site.root_url + request.path
        locations = [f"{base}?page={number}" for number in range(1, parts + 1)]
        return TemplateResponse(
            request,
            "sitemap_index.xml",
            {"locations": locations},
            content_type="application/xml",
        )
    section = None
    if requested is not None:
        number = parse_section_number(requested, parts)
        if number is None:
            message = f"There is no sitemap part {requested[:20]!r}: parts are 1 to {parts}.\n"
            return HttpResponseNotFound(message, content_type="text/plain; charset=utf-8")
        section = slice((number - 1) * size, number * size)
    entries = sitemap_entries(site, request, section)
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


@require_safe
def robots_txt(request):
    context = {"site_root_url": _site(request).root_url}
    return TemplateResponse(
        request, "robots.txt", context, content_type="text/plain; charset=utf-8"
    )
