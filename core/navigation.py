"""Site navigation: the main menu, breadcrumbs, and the page-link blocks of quick and footer links.

Links chosen by an editor point at a page of the source language; they are shown in the
visitor's language through `localized_link_page`, so a translated tree never links across languages.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Page

from core.languages import foreign_content_language
from core.untranslated_text import remember_untranslated_strings, title_language
from core.visibility import public
from pagecache.memo import per_language_and_generation


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
    """A link in the menu, breadcrumbs, quick or footer links: plain values, cheap to cache."""

    pk: int
    path: str
    title: str
    url: str
    # The language of the title when it is not the visitor's (a page not yet translated).
    lang: str = ""
    description: str = ""
    is_current: bool = False
    is_ancestor: bool = False


def link_to(page, site, title="", description=""):
    return MenuLink(
        pk=page.pk,
        path=page.path,
        title=title or page.title,
        url=page.get_url(current_site=site),
        # An editor's own link text is in the visitor's language; a page's title may not be.
        lang=foreign_content_language(page) if title else title_language(page),
        description=description,
    )


def mark_current(links, current_page):
    """The links with the current page, and the section it is in, marked."""
    if current_page is None:
        return links
    return [
        replace(
            link,
            is_current=link.pk == current_page.pk,
            is_ancestor=link.pk != current_page.pk and current_page.path.startswith(link.path),
        )
        for link in links
    ]


def localized_link_page(page):
    """The live version of `page` in the active language, or None: never a link across languages."""
    if page is None:
        return None
    translated = page.get_translation_or_none(Locale.get_active())
    if translated is not None and translated.live:
        return translated.specific
    return None


def build_page_links(stream_value, site):
    """MenuLinks for a StreamField of PageLinkBlocks, skipping pages that are not live."""
    links = []
    for child in stream_value:
        target = localized_link_page(child.value["page"])
        if target is not None:
            links.append(
                link_to(
                    target,
                    site,
                    title=child.value.get("title") or "",
                    description=child.value.get("description", ""),
                )
            )
    return links


@per_language_and_generation
def page_links(site, owner, field_name):
    """`build_page_links` of a saved object's field, kept until the next publish."""
    return build_page_links(getattr(owner, field_name), site)


@per_language_and_generation
def language_home(site):
    """The home page of the active language, for a site whose root is the default language's."""
    if site is None:
        return None
    home = localized_link_page(site.root_page)
    return link_to(home, site) if home is not None else None


@per_language_and_generation
def menu_links(site):
    """The live, public pages marked "show in menus" directly under the language's home page."""
    home = language_home(site)
    if home is None:
        return []
    pages = Page.objects.child_of(Page(path=home.path, depth=len(home.path) // Page.steplen))
    pages = public(pages.live()).in_menu().select_related("alias_of__locale").order_by("path")
    return [link_to(page, site) for page in remember_untranslated_strings(list(pages))]


def main_menu(site, current_page=None):
    return mark_current(menu_links(site), current_page)


@per_language_and_generation
def trail_to(site, path):
    """Links to the page at `path` and its ancestors, from the language's home page down."""
    steplen = Page.steplen
    paths = [path[:length] for length in range(2 * steplen, len(path) + 1, steplen)]
    pages = Page.objects.filter(path__in=paths).select_related("alias_of__locale").order_by("path")
    return [link_to(page, site) for page in remember_untranslated_strings(list(pages))]


def breadcrumbs(page, site=None):
    """From the language's home page down to `page`; empty on a home page itself."""
    if page is None or page.depth <= 2:
        return []
    current = replace(link_to(page, site), is_current=True)
    return [*trail_to(site, page.path[: -Page.steplen]), current]
