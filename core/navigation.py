"""Site navigation: the main menu, breadcrumbs, and the page-link blocks of quick and footer links.

Links chosen by an editor point at a page of the source language; they are shown in the
visitor's language through `localized_link_page`, so a translated tree never links across languages.
"""

from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from core.content_language import active_language_code
from core.languages import foreign_content_language
from core.root_paths import with_root_paths
from core.untranslated_text import remember_untranslated_strings, title_language
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
    with_root_paths(page)
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


def localized_link_pages(page_ids):
    """{page id: its live version in the active language} for the pages `page_ids`, in one
    query (the pages and their translations together): never a link across languages."""
    page_ids = [page_id for page_id in page_ids if page_id is not None]
    if not page_ids:
        return {}
    sources = Page.objects.filter(pk__in=page_ids)
    found = Page.objects.filter(
        Q(pk__in=page_ids)
        | Q(
            translation_key__in=sources.values("translation_key"),
            locale__language_code=active_language_code(),
            live=True,
        )
    ).select_related("locale", "alias_of__locale")
    found = list(found)
    translated = {
        page.translation_key: page
        for page in found
        if page.live and page.locale.language_code == active_language_code()
    }
    by_id = {page.pk: page for page in found}
    return {
        page_id: translated[by_id[page_id].translation_key]
        for page_id in page_ids
        if page_id in by_id and by_id[page_id].translation_key in translated
    }


def localized_link_page(page):
    """The live version of `page` in the active language, or None: never a link across languages."""
    if page is None:
        return None
    return localized_link_pages([page.pk]).get(page.pk)


def linked_page_id(value):
    """The page id a PageLinkBlock's value names (raw data or a chooser value)."""
    page = value.get("page") if hasattr(value, "get") else None
    return getattr(page, "pk", page)


def build_page_links(stream_value, site, edited=False):
    """MenuLinks for a StreamField of PageLinkBlocks, skipping pages that are not live.
    `edited`: the values as changed in memory (an editor's preview), not as saved."""
    if edited:
        values = [child.value for child in stream_value]
    else:
        # The saved values name the pages by id: reading them costs no query of its own, and
        # the pages and their translations come in one.
        values = [child.get("value", {}) for child in stream_value.raw_data]
    targets = localized_link_pages([linked_page_id(value) for value in values])
    links = []
    for value in values:
        target = targets.get(linked_page_id(value))
        if target is not None:
            links.append(
                link_to(
                    target,
                    site,
                    title=value.get("title") or "",
                    description=value.get("description") or "",
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
    from core.routing import localized_site_root  # core.routing needs the models loaded

    if site is None:
        return None
    home = localized_site_root(site).home
    return link_to(home, site) if home is not None else None


@per_language_and_generation
def menu_links(site):
    """The live, public pages marked "show in menus" directly under the language's home page."""
    from core.routing import localized_site_root  # core.routing needs the models loaded

    if site is None:
        return []
    menu = remember_untranslated_strings(list(localized_site_root(site).menu))
    return [link_to(page, site) for page in menu]


def main_menu(site, current_page=None):
    return mark_current(menu_links(site), current_page)


@per_language_and_generation
def trail_to(site, path):
    """Links to the page at `path` and its ancestors, from the language's home page down."""
    steplen = Page.steplen
    paths = [path[:length] for length in range(2 * steplen, len(path) + 1, steplen)]
    # The home page and the sections of the menu are known already: most trails ask nothing.
    known = {link.path: link for link in [language_home(site), *menu_links(site)] if link}
    if all(ancestor in known for ancestor in paths):
        return [known[ancestor] for ancestor in paths]
    pages = Page.objects.filter(path__in=paths).select_related("alias_of__locale").order_by("path")
    return [link_to(page, site) for page in remember_untranslated_strings(list(pages))]


def breadcrumbs(page, site=None):
    """From the language's home page down to `page`; empty on a home page itself."""
    if page is None or page.depth <= 2:
        return []
    current = replace(link_to(page, site), is_current=True)
    return [*trail_to(site, page.path[: -Page.steplen]), current]
