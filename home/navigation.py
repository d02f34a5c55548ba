"""Site navigation: the main menu, breadcrumbs, and the page-link blocks of quick and footer links.

Links chosen by an editor point at a page of the source language; they are shown in the
visitor's language through `localized_link_page`, so a translated tree never links across languages.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Page


class PageLinkBlock(blocks.StructBlock):
    """A link to a page of the site; its text is the page title unless the editor writes one."""

    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to use the page title."),
    )

    class Meta:
        icon = "link"
        label = _("Link")


class QuickLinkBlock(PageLinkBlock):
    """A prominent link on the home page, with a short description of where it leads."""

    description = blocks.CharBlock(label=_("description"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Quick link")


@dataclass(frozen=True)
class MenuLink:
    page: Page
    title: str
    is_current: bool
    is_ancestor: bool
    description: str = ""


def localized_link_page(page):
    """The live version of `page` in the active language, or None: never a link across languages."""
    if page is None:
        return None
    translated = page.get_translation_or_none(Locale.get_active())
    if translated is not None and translated.live:
        return translated.specific
    return None


def resolve_page_links(stream_value, current_page=None):
    """MenuLinks for a StreamField of PageLinkBlocks, skipping pages that are not live."""
    links = []
    for child in stream_value:
        target = localized_link_page(child.value["page"])
        if target is None:
            continue
        links.append(
            MenuLink(
                page=target,
                title=child.value.get("title") or target.title,
                is_current=current_page is not None and target.pk == current_page.pk,
                is_ancestor=False,
                description=child.value.get("description", ""),
            )
        )
    return links


def language_home(site):
    """The home page of the active language, for a site whose root is the default language's."""
    if site is None:
        return None
    return localized_link_page(site.root_page)


def main_menu(site, current_page=None):
    """The live, public pages marked "show in menus" directly under the language's home page."""
    home = language_home(site)
    if home is None:
        return []
    current_path = current_page.path if current_page is not None else ""
    pages = home.get_children().live().public().in_menu().specific()
    return [
        MenuLink(
            page=page,
            title=page.title,
            is_current=current_page is not None and page.pk == current_page.pk,
            is_ancestor=current_path.startswith(page.path) and page.pk != current_page.pk,
        )
        for page in pages
    ]


def breadcrumbs(page):
    """From the language's home page down to `page`; empty on a home page itself."""
    if page is None or page.depth <= 2:
        return []
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2).specific()
    return list(ancestors)
