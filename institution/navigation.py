"""Section navigation: where a page sits among its section's pages, in its own language."""

from dataclasses import dataclass

from wagtail.models import Page

from core.untranslated_text import remember_untranslated_strings
from core.visibility import public


@dataclass(frozen=True)
class SectionLink:
    page: Page
    is_current: bool
    is_section_root: bool


def section_root(page):
    """The top-level page (a child of the language's home page) that `page` belongs to."""
    if page.depth <= 3:
        return page
    return page.get_ancestors().filter(depth=3).first() or page


def section_navigation(page):
    """The section's top page and its live children, or [] when the section has only `page`."""
    root = section_root(page)
    children = list(public(root.get_children().live()).specific())
    remember_untranslated_strings([root, *children])
    if not children and root.pk == page.pk:
        return []
    links = [SectionLink(root, root.pk == page.pk, True)]
    links += [SectionLink(child, child.pk == page.pk, False) for child in children]
    if page.pk not in {link.page.pk for link in links}:
        # A page deeper than the section's children still shows where it sits.
        links.append(SectionLink(page, True, False))
    return links
