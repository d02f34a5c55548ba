"""Section navigation: where a page sits among its section's pages, in its own language."""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from core.untranslated_text import remember_untranslated_strings
from core.visibility import public


@dataclass(frozen=True)
class SectionLink:
    page: Page
    is_current: bool
    is_section_root: bool


def section_root_path(page):
    """The path of the top-level page (a child of the language's home page) `page` belongs to."""
    return page.path[: 3 * Page.steplen] if page.depth > 3 else page.path


def section_navigation(page):
    """The section's top page and its live children, or [] when the section has only `page`."""
    root_path = section_root_path(page)
    # The top page and its children in one query; a served page's section is public, as the
    # page is (a restriction covers everything below it).
    pages = Page.objects.filter(
        Q(path=root_path)
        | Q(path__startswith=root_path, depth=len(root_path) // Page.steplen + 1, live=True)
    )
    pages = list(public(pages).select_related("alias_of__locale").order_by("path"))
    root = next((found for found in pages if found.path == root_path), page)
    children = [found for found in pages if found.path != root_path]
    remember_untranslated_strings([root, *children])
    if not children and root.pk == page.pk:
        return []
    links = [SectionLink(root, root.pk == page.pk, True)]
    links += [SectionLink(child, child.pk == page.pk, False) for child in children]
    if page.pk not in {link.page.pk for link in links}:
        # A page deeper than the section's children still shows where it sits.
        links.append(SectionLink(page, True, False))
    return links
