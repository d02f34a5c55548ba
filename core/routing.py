"""Finding the page for a URL in one or two queries, whatever its depth, as Wagtail finds it.

Wagtail routes a URL by walking the tree from the site's root, two queries a level (the child,
then its specific row), after finding the site and the language's home page. Here the site and
the language's home page are memoised per content generation, and the page is found by its
`url_path` among the home page's descendants: one query for the deepest page the URL names
(memoised per path until the next publish), one for its specific row. That page then routes
what is left of the URL itself (a feed under the news index), and Wagtail's `serve` view does
the rest (view restrictions, hooks, `serve`).

Whenever the shortcut could answer differently from the walk (a page on the way whose own
routes claim the rest of the URL, no site, a memoised location that no longer matches the page
read from the database: moved, renamed or gone), it steps aside and Wagtail walks the tree as
usual. Liveness and privacy are never memoised here: the page itself is read from the database
on every request, and Wagtail's `serve` checks its view restrictions (core/visibility.py).
"""

import copy
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from core.content_language import active_language_code
from core.languages import alternates_held, seed_page_alternates
from core.root_paths import root_translations, with_root_paths
from core.visibility import public
from pagecache.memo import Unkept, per_language_and_generation, per_language_and_visibility


@dataclass(frozen=True)
class LanguageRoot:
    pk: int
    path: str
    depth: int
    url_path: str


@per_language_and_visibility
def site_for_host(hostname, port):
    """The site answering `hostname:port`, as `Site.find_for_request` finds it; kept until a
    site, locale or view restriction changes (a publish of content cannot change it), so
    without the root page Wagtail reads with it: a page's content is not kept here."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site._state.fields_cache.pop("root_page", None)
    return site


@dataclass(frozen=True)
class SiteRoot:
    """The site's root page, its live version in the active language (the language's home
    page, None where it has none) and that home page's menu pages (live, public, in menus)."""

    root: Page
    home: Page | None
    menu: list


@per_language_and_generation
def localized_site_root(site):
    """The SiteRoot of the active language, read in one query (`site.root_page.localized` and
    the menu ask five); the pages come with what links to them show."""
    language = active_language_code()
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    homes = Page.objects.filter(translation_key__in=root_key, locale__language_code=language)
    homes = homes.filter(live=True)
    menu = (
        public(Page.objects.live().in_menu())
        .alias(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=homes.values("path"))
    )
    pages = Page.objects.filter(
        Q(pk=site.root_page_id)
        | Q(translation_key__in=root_key)
        | Q(pk__in=homes.values("pk"))
        | Q(pk__in=menu.values("pk"))
    )
    pages = list(pages.select_related("locale", "alias_of__locale").order_by("path"))
    root = next(page for page in pages if page.pk == site.root_page_id)
    home = next(
        (
            page
            for page in pages
            if page.depth == root.depth and page.live and page.locale.language_code == language
        ),
        None,
    )
    menu = [page for page in pages if home and page.depth == home.depth + 1]
    # Read with them, the root's translations in every language: Wagtail's site root paths.
    translations = tuple(
        (page.url_path, page.locale.language_code)
        for page in pages
        if page.translation_key == root.translation_key
    )
    root_translations.seed((site,), translations)
    return SiteRoot(root, home, [page for page in menu if page.path.startswith(home.path)])


@per_language_and_generation
def language_root(site):
    """The home page the active language's URLs start from (the site's root, localized)."""
    site_root = localized_site_root(site)
    root = site_root.home or site_root.root
    return LanguageRoot(root.pk, root.path, root.depth, root.url_path)


def find_site(request):
    """`Site.find_for_request`, memoised; the answer is kept on the request as Wagtail keeps it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        site = site_for_host(hostname, request.get_port())
        # A copy of its own (related objects it caches stay with the request, not the memo).
        request._wagtail_site = copy.copy(site)
    return request._wagtail_site


def prefix_url_paths(root, components):
    """The url_path of the root and of each page the URL passes through, shallowest first."""
    return [
        root.url_path + "".join(f"{part}/" for part in components[:count])
        for count in range(len(components) + 1)
    ]


def claims_rest_of_url(model, rest):
    """Whether a page of `model` on the way would answer `rest` itself instead of its child."""
    if model.route is Page.route:
        return False
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
        except Resolver404:
            return False
    return True


@per_language_and_generation
def locate(site, path):
    """(pk, content type id, depth) of the deepest page `path` names, or None when Wagtail must
    walk the tree. Kept per path until the next publish (where a URL leads only changes then)
    when the whole path names a page."""
    root = language_root(site)
    components = [component for component in path.split("/") if component]
    # By slug and depth (indexed), not by url_path (which is not): the root and one candidate
    # a level, each checked against the url_path the URL names.
    expected = prefix_url_paths(root, components)
    levels = Q(pk=root.pk)
    for level, slug in enumerate(components, start=1):
        levels |= Q(slug=slug, depth=root.depth + level)
    candidates = (
        Page.objects.filter(levels, path__startswith=root.path)
        .order_by("depth")
        .values_list("pk", "content_type_id", "depth", "url_path")
    )
    rows = [
        (pk, type_id, depth)
        for pk, type_id, depth, url_path in candidates
        if url_path == expected[depth - root.depth]
    ]
    if [depth for _, _, depth in rows] != list(range(root.depth, root.depth + len(rows))):
        return None  # not one page a level: let Wagtail decide
    models = [ContentType.objects.get_for_id(type_id).model_class() for _, type_id, _ in rows]
    if any(model is None for model in models):
        return None
    for (_, _, depth), model in zip(rows[:-1], models[:-1], strict=True):
        if claims_rest_of_url(model, components[depth - root.depth :]):
            return None
    if rows[-1][2] != root.depth + len(components):
        # Part of the URL names no page (a feed, a mistyped address): not kept, so that made-up
        # addresses cannot fill the memory.
        return Unkept(rows[-1])
    return rows[-1]


def fast_route(request, site, path):
    """Wagtail's route result for `path`, or NotImplemented when the tree must be walked."""
    found = locate(site, path)
    if found is None:
        return NotImplemented
    pk, type_id, depth = found
    model = ContentType.objects.get_for_id(type_id).model_class()
    page = served_page(model, pk, site)
    if page is None:
        return NotImplemented
    components = [component for component in path.split("/") if component]
    root = language_root(site)
    named = prefix_url_paths(root, components)[depth - root.depth]
    if page.url_path != named or page.depth != depth or not page.path.startswith(root.path):
        return NotImplemented  # the memo is older than the tree: let Wagtail walk it
    root_depth = root.depth
    with_root_paths(page)  # its own URL (canonical link, feeds) without a cache read
    try:
        return page.route(request, components[depth - root_depth :])
    except Http404:
        return None


def served_page(model, pk, site):
    """The page `pk` of `model` with what its template shows; None when it is gone. When its
    language alternates are not memoised yet (the first render of a generation), its
    translations come in the same query and memoise them."""
    pages = model.objects.select_related(*serve_related(model))
    if alternates_held(model, pk, site):
        return pages.filter(pk=pk).first()
    translation_key = Page.objects.filter(pk=pk).values("translation_key")
    rows = list(
        pages.select_related("locale", "alias_of").filter(
            Q(pk=pk) | Q(translation_key__in=translation_key)
        )
    )
    page = next((row for row in rows if row.pk == pk), None)
    if page is not None:
        seed_page_alternates(page, rows, site)
    return page


def serve_related(model):
    """The relations a page type's template shows, fetched with the page (`serve_related`)."""
    return getattr(model, "serve_related", ("locale",))


def serve(request, path):
    """Wagtail's page view, with the site and the page found by the shortcut above."""
    site = find_site(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        route = fast_route(request, site, path)
        if route is not NotImplemented:
            request._wagtail_route_for_request = route
    with_root_paths(request)  # for the URLs the templates make with the request
    return wagtail_views.serve(request, path)
