"""Wagtail's site root paths, memoised, and handed to the pages that make URLs.

Wagtail reads them from the default cache for every page it makes a URL for without a request
(`page.url`, `get_url(current_site=…)`), and keeps them on the page or request it was given:
a query each on the database cache. Here they are read once per language and generation, and
put where Wagtail looks for its copy.
"""

from wagtail.models import Site

from pagecache.memo import per_language_and_generation


@per_language_and_generation
def site_root_paths():
    return Site.get_site_root_paths()


def with_root_paths(page_or_request):
    """`page_or_request`, holding the memoised root paths where Wagtail keeps its copy."""
    page_or_request._wagtail_cached_site_root_paths = site_root_paths()
    return page_or_request
