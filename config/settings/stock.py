"""The stock-Wagtail switch (`SITE_OPTIMISATIONS=false`): the settings that turn our speed-ups off.

`make bench` compares the site with stock Wagtail serving the same content in the same run. With
the switch off, a page is found by Wagtail's own tree walk (config/urls.py leaves core/routing.py
out), the site furniture, routing and "is any page private" memos recompute on every use
(pagecache/memo.py), and the page-cache middleware is not installed at all: no stored pages, no
generation lookup per request, no public-site shortcut for view restrictions, and image
renditions are kept where stock Wagtail keeps them (the default cache, no per-process
`renditions` cache). Only the speed-ups are off; every page still shows what it shows with them.
"""

PAGE_CACHE_MIDDLEWARE = "pagecache.middleware.PageCacheMiddleware"


def stock_wagtail_settings(middleware, caches):
    """The settings that differ from ours when the site's optimisations are off."""
    return {
        "CACHES": {alias: cache for alias, cache in caches.items() if alias != "renditions"},
        "SITE_OPTIMISATIONS": False,
        "PAGE_CACHE_ENABLED": False,
        "FRAGMENT_CACHE_ENABLED": False,
        "MIDDLEWARE": [name for name in middleware if name != PAGE_CACHE_MIDDLEWARE],
    }
