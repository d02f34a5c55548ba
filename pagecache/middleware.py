"""The page-cache middleware: serves anonymous GETs of public pages from the cache, stores new ones.

A response is stored only when it is the same for every anonymous visitor with the same URL,
language and preference cookie: a 200 to a GET by a visitor without a session, that sets no
cookie, contains no CSRF token, is not a preview and did not ask for `private`/`no-cache`.
Tracking parameters are taken off a public read's query string before any view sees it, so
that a stored page cannot differ by them (nor hold one visitor's click identifier). When the
generation cannot be known (neither cache nor database answers), nothing is read or stored.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from .keys import current_generation, meaningful_query, page_cache, page_cache_key
from .memo import generation_for_request
from .serving import serving_public_site

CACHE_STATUS_HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


def is_public_read(request):
    """A GET or HEAD of the public site (not the admin, documents, static or media files)."""
    if request.method not in ("GET", "HEAD"):
        return False
    excluded = settings.PAGE_CACHE_EXCLUDED_PATHS
    return not any(request.path_info.startswith(prefix) for prefix in excluded)


def drop_tracking_parameters(request):
    """Take `utm_*`, `fbclid`… off the query string the views read (and so off every link)."""
    query_string = request.META.get("QUERY_STRING", "")
    meaningful = meaningful_query(query_string)
    if meaningful != query_string and query_string:
        request.META["QUERY_STRING"] = meaningful
        request.__dict__.pop("GET", None)  # re-read from the cleaned query string


def request_may_use_cache(request):
    """Whether this request can be answered from, or stored into, the shared page cache."""
    if not settings.PAGE_CACHE_ENABLED or not is_public_read(request):
        return False
    # A session means an editor, a visitor with a pending message or a password-unlocked page.
    return not any(name in request.COOKIES for name in bypass_cookie_names())


def bypass_cookie_names():
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def response_is_shareable(request, response):
    """Whether this response may be shown to any anonymous visitor of the same URL and variant."""
    # A page holding a CSRF token is refused here by its cookie: CsrfViewMiddleware, which runs
    # inside this middleware (tests/performance/test_page_cache.py checks the order), sets the
    # CSRF cookie on every response whose page asked for a token.
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)


def stored_entry(request, response):
    """What is kept for a page: body, headers and which page it was (for the view counter)."""
    served_page = getattr(request, "served_page", None)
    return {
        "content": response.content,
        "headers": [(name, value) for name, value in response.items() if name != "Set-Cookie"],
        "page_id": served_page.pk if served_page else None,
        "page_type": served_page._meta.label_lower if served_page else None,
    }


def response_from_entry(request, entry):
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    request.served_page_id = entry["page_id"]
    request.served_page_type = entry["page_type"]
    return response


def cache_seconds_for(request):
    """Pages that show a live figure (the view count) are kept for a shorter time."""
    served_page = getattr(request, "served_page", None)
    if served_page and served_page._meta.label_lower in settings.VIEW_COUNTED_PAGE_TYPES:
        return settings.PAGE_CACHE_COUNTED_SECONDS
    return settings.PAGE_CACHE_SECONDS


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors; mark the rest `private`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_read(request):
            return self.mark_not_shared(request, self.get_response(request))
        drop_tracking_parameters(request)
        # One generation for the whole request: the memoised menus and snippets of its templates
        # (memo.py) are looked up without asking the cache for the generation again.
        generation = current_generation()
        with generation_for_request(generation), serving_public_site():
            return self.serve(request, generation)

    def serve(self, request, generation):
        if generation is None or not request_may_use_cache(request):
            response = self.get_response(request)
            return self.mark_not_shared(request, response)

        key = page_cache_key(request, generation)
        entry = page_cache().get(key)
        if entry is not None:
            response = response_from_entry(request, entry)
            response[CACHE_STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if not response_is_shareable(request, response):
            return self.mark_not_shared(request, response)

        seconds = cache_seconds_for(request)
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        patch_vary_headers(response, ["Cookie"])
        page_cache().set(key, stored_entry(request, response), timeout=seconds)
        response[CACHE_STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def mark_not_shared(request, response):
        """Responses not shared between visitors must not be kept by a proxy or CDN either."""
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        response[CACHE_STATUS_HEADER] = "bypass"
        return response
