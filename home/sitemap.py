"""sitemap.xml (every live page of every language, with its hreflang alternates) and robots.txt."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page, Site

from home.languages import UNTRANSLATED_ALIAS


@dataclass
class SitemapEntry:
    location: str
    language_code: str
    lastmod: object
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
    return (
        pages.live().public().exclude(UNTRANSLATED_ALIAS).select_related("locale").order_by("path")
    )


def sitemap_entries(site, request):
    """Entries with alternates: each translation group lists every member, itself included."""
    entries = []
    groups = defaultdict(list)
    for page in live_pages(site):
        path = page.get_url(request)
        if not path:
            continue
        # The host the visitor (or crawler) asked for, as the pages' <link rel=alternate> use.
        url = request.build_absolute_uri(path)
        entry = SitemapEntry(url, page.locale.language_code, page.last_published_at)
        entries.append(entry)
        groups[page.translation_key].append(entry)
    default_language = Locale.get_default().language_code
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
