"""Purging the front-end cache (a CDN or caching proxy) of every live page after a change.

Every page embeds the menu, the hotline and the footer, so any change can show on any page:
the whole site is purged, never only the changed page and its ancestors. Wagtail's
`purge_urls_from_cache` is given every live page's URL in every language, with the extra
paths each page type names (Wagtail's `get_cached_paths`: a news index's feeds), and each
site's `sitemap.xml` and `robots.txt`, in batches of `FRONTEND_PURGE_BATCH_SIZE`, in a
background task so that an editor never waits for it.
Variants with a query string (a news filter, `?page=2`) are the front end's to drop: configure
it to purge a URL with every query string (e.g. Varnish bans on the path), or keep its
`s-maxage` (`PAGE_CACHE_SECONDS`) short.
"""

import itertools
import logging

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)

SITE_FILES = ("/sitemap.xml", "/robots.txt")


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def live_page_urls():
    """The full URL of every live page of every site (with the paths its type names), and each
    site's own files."""
    from wagtail.models import Page, Site

    for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=500):
        url = page.get_full_url()
        if not url:
            continue
        yield from (url + path.lstrip("/") for path in page.get_cached_paths())
    for site in Site.objects.all():
        yield from (site.root_url + name for name in SITE_FILES)


def batches(urls, size):
    iterator = iter(urls)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@task()
def purge_frontend_cache():
    """Ask the front-end cache to drop every page of the site; a CDN outage is logged only."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    for batch in batches(live_page_urls(), settings.FRONTEND_PURGE_BATCH_SIZE):
        try:
            purge_urls_from_cache(batch)
        except Exception:  # a CDN outage must not stop an editor from publishing
            logger.exception("Could not purge %d URLs from the front-end cache", len(batch))


def queue_frontend_purge():
    if not frontend_cache_configured():
        return
    try:
        purge_frontend_cache.enqueue()
    except Exception:
        logger.exception("Could not queue the purge of the front-end cache")
