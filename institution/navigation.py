"""Section navigation: where a page sits among its section's pages, in its own language.

The section's links are site furniture like the menu: plain values (`MenuLink`), read in one
query and memoised per language and generation; only which link is the current page is worked
out per request.
"""

from dataclasses import replace

from django.db.models import Q
from wagtail.models import Page

from core.navigation import link_to
from core.untranslated_text import remember_untranslated_strings
from core.visibility import public
from pagecache.memo import per_language_and_generation


def section_root_path(page):
    """The path of the top-level page (a child of the language's home page) `page` belongs to."""
    return page.path[: 3 * Page.steplen] if page.depth > 3 else page.path


@per_language_and_generation
def section_links(site, root_path):
    """Links to the section's top page (first) and its live, public children, in path order;
    [] when there is no page at `root_path`."""
    pages = Page.objects.filter(
        Q(path=root_path)
        | Q(path__startswith=root_path, depth=len(root_path) // Page.steplen + 1, live=True)
    )
    pages = list(public(pages).select_related("alias_of__locale").order_by("path"))
    remember_untranslated_strings(pages)
    root = [found for found in pages if found.path == root_path]
    children = [found for found in pages if found.path != root_path]
    return [link_to(found, site) for found in root + children] if root else []


def section_navigation(page, site=None):
    """The section's top page and its live children, the current page marked, or [] when the
    section has only `page`. A served page's section is public, as the page is (a restriction
    covers everything below it)."""
    links = section_links(site, section_root_path(page))
    if not links:
        links = [link_to(page, site)]
    if len(links) == 1 and links[0].pk == page.pk:
        return []
    links = [replace(link, is_current=link.pk == page.pk) for link in links]
    if page.pk not in {link.pk for link in links}:
        # A page deeper than the section's children still shows where it sits.
        links.append(replace(link_to(page, site), is_current=True))
    return links
