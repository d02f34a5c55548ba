"""Wagtail's site root paths, memoised, and handed to the pages that make URLs.

Wagtail reads them from the default cache for every page it makes a URL for without a request
(`page.url`, `get_url(current_site=…)`), and keeps them on the page or request it was given:
a query each on the database cache. Here they are memoised per language and generation (for
a site alone on its installation, taken from the query that routing makes anyway) and put
where Wagtail looks for its copy.
"""

from django.conf import settings
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from pagecache.memo import per_language_and_generation, per_language_and_visibility


@per_language_and_visibility
def all_sites():
    """Every site (without their root pages), as sites change only with a new visibility."""
    return list(Site.objects.order_by("pk"))


@per_language_and_generation
def root_translations(site):
    """(url_path, language code) of every translation of the site's root page, live or not.
    Routing reads them with the root (core/routing.py `localized_site_root`) and seeds this."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    translations = Page.objects.filter(translation_key__in=root_key).order_by("path")
    return tuple(translations.values_list("url_path", "locale__language_code"))


@per_language_and_generation
def site_root_paths():
    """As `Site.get_site_root_paths()`; for a site alone on its installation, built from its
    root's translations."""
    sites = all_sites()
    if len(sites) != 1 or not settings.WAGTAIL_I18N_ENABLED:
        return Site.get_site_root_paths()
    (site,) = sites
    return [
        SiteRootPath(site.id, url_path, site.root_url, language)
        for url_path, language in root_translations(site)
    ]


def with_root_paths(page_or_request):
    """`page_or_request`, holding the memoised root paths where Wagtail keeps its copy."""
    page_or_request._wagtail_cached_site_root_paths = site_root_paths()
    return page_or_request
