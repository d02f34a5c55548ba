"""The page-cache middleware: serves anonymous GETs of public pages from the cache, stores new ones.

A response is stored only when it is the same for every anonymous visitor with the same URL,
language and preference cookie: a 200 to a GET by a visitor without a session, that sets no
cookie, contains no CSRF token, is not a preview and did not ask for `private`/`no-cache`.
Tracking parameters are taken off a public read's query string before any view sees it, so
that a stored page cannot differ by them (nor hold one visitor's click identifier). When the
generation cannot be known (neither cache nor database answers), nothing is read or stored.

After a publish every stored page is of an older generation. The first request for a page
claims its render (a short `add` in the cache, `PAGE_CACHE_STALE_SECONDS`) and renders it;
the requests for the same page meanwhile get the older version (`X-Page-Cache: stale`,
`private, no-cache` so that no proxy keeps it), so a publish under load costs one render per
page, not one per request. Never when the change may alter who sees what (privacy,
unpublishing, moves, deletions: the database's `visible_from`, read on every such answer) or
when the claim or that row cannot be read: then each request renders for itself. A render
that does not give a storable page drops the older version.

A stored page's time runs out the same way: it is fresh for `PAGE_CACHE_SECONDS` (or
`PAGE_CACHE_COUNTED_SECONDS`) and kept as long again, so that when a busy page's time is up
one request renders it anew while the others get the page of the same generation (nothing at
all changed since it was stored), instead of every concurrent request rendering it at once.

Stored pages are kept with their gzip compression, made once when stored: clients that accept
gzip get those bytes (`Content-Encoding: gzip`), the others the plain page; both carry `Vary:
Accept-Encoding`. Only stored pages are compressed, and no stored page holds a per-visitor
secret (no CSRF token, no session), so nothing secret is compressed (BREACH).
"""

import gzip
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from .dbcache import NOT_READ
from .generation import current_generations, generations_and_entry, visible_from
from .keys import meaningful_query, page_cache, page_cache_key
from .memo import bundle_key, generation_for_request, local_answers
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


# Below this size compression saves less than its headers cost.
SMALLEST_COMPRESSED = 200


def accepts_gzip(request):
    """Whether the client names gzip among its encodings, without refusing it (`q=0`)."""
    for coding in request.headers.get("Accept-Encoding", "").split(","):
        name, _, parameters = coding.partition(";")
        if name.strip().lower() not in ("gzip", "x-gzip"):
            continue
        quality = parameters.strip().lower().replace(" ", "")
        if not quality.startswith("q="):
            return True
        try:
            return float(quality[2:]) > 0
        except ValueError:
            return False
    return False


def stored_entry(request, response, generation, seconds):
    """What is kept for a page: body (and its gzip, compressed once), headers, the generation
    it was rendered under, until when it is fresh (`seconds` from now) and which page it was
    (for the view counter)."""
    served_page = getattr(request, "served_page", None)
    content = response.content
    compressed = gzip.compress(content, mtime=0) if len(content) >= SMALLEST_COMPRESSED else None
    return {
        "generation": generation,
        "fresh_until": time.time() + seconds,
        "content": content,
        "gzip": compressed,
        "headers": [(name, value) for name, value in response.items() if name != "Set-Cookie"],
        "page_id": served_page.pk if served_page else None,
        "page_type": served_page._meta.label_lower if served_page else None,
    }


def encode(request, response, entry):
    """The stored page's gzip bytes in `response` for a client that accepts them."""
    if entry.get("gzip") is not None and accepts_gzip(request):
        response.content = entry["gzip"]
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def response_from_entry(request, entry):
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    request.served_page_id = entry["page_id"]
    request.served_page_type = entry["page_type"]
    return encode(request, response, entry)


def claim_render(key, token):
    """True when this request is to render the page (`token`: see `render_token`), nobody else
    doing it or the cache unable to tell; False when another request claimed it moments ago."""
    seconds = settings.PAGE_CACHE_STALE_SECONDS
    claimed = page_cache().add(f"{key}:render:{token}", time.time(), timeout=seconds)
    return claimed is not False  # None: the cache failed, so nobody is known to render it


def is_fresh(entry, generation):
    """Whether a stored page answers for `generation` without a render: stored under it and
    its time not up (entries without a time are fresh until the cache drops them)."""
    if entry is None or entry.get("generation") != generation:
        return False
    return entry.get("fresh_until") is None or time.time() < entry["fresh_until"]


def render_token(entry, generation):
    """What a render claim is for: the generation, and for a page whose time ran out under the
    same generation, that page's time too (each expiry is claimed once)."""
    if entry.get("generation") == generation:
        return f"{generation}:{entry.get('fresh_until')}"
    return str(generation)


def may_stand_in(entry, generation):
    """Whether an older stored page may answer while the current one renders elsewhere: one
    of the same generation whose time ran out (nothing changed since it was stored), or of an
    older one when nothing that changes who sees what happened since (the database says;
    unreadable: no)."""
    if entry.get("generation") is None or entry["generation"] > generation:
        return False
    if entry["generation"] == generation:
        return True
    oldest_visible = visible_from()
    return oldest_visible is not None and entry["generation"] >= oldest_visible


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
        if request_may_use_cache(request):
            key = page_cache_key(request)
            # On the database cache, the rewarm bundle of a new generation (memo.py) comes in
            # the same statement as the generation and the page.
            generations, entry, bundle = generations_and_entry(
                key, bundle_key(local_answers.kind, ""), local_answers.known_bundle_generation()
            )
            if bundle is not NOT_READ and generations is not None:
                local_answers.take_bundle(generations.number, bundle)
        else:
            key, generations, entry = None, current_generations(), None
        generation = None if generations is None else generations.number
        with generation_for_request(generations), serving_public_site():
            return self.serve(request, generation, key, entry)

    def serve(self, request, generation, key, entry):
        if generation is None or key is None:
            response = self.get_response(request)
            return self.mark_not_shared(request, response)

        if is_fresh(entry, generation):
            return self.answer_from(request, entry, "hit")
        older = entry if entry is not None and entry.get("generation", 0) <= generation else None
        if (
            older is not None
            and settings.PAGE_CACHE_STALE_SECONDS > 0
            and not claim_render(key, render_token(older, generation))
            and may_stand_in(older, generation)
        ):
            response = self.answer_from(request, older, "stale")
            response["Cache-Control"] = "private, no-cache"
            return response

        try:
            response = self.get_response(request)
        except Exception:
            if older is not None:
                page_cache().delete(key)  # no render to replace it: do not stand in any longer
            raise
        if not response_is_shareable(request, response):
            if older is not None:
                page_cache().delete(key)
            return self.mark_not_shared(request, response)

        seconds = cache_seconds_for(request)
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        patch_vary_headers(response, ["Cookie"])
        stored = stored_entry(request, response, generation, seconds)
        if entry is None or entry.get("generation", 0) <= generation:
            # A request that began before a purge never replaces the newer page. Kept twice as
            # long as it is fresh: the second half only to stand in while it renders anew.
            page_cache().set(key, stored, timeout=2 * seconds)
        response = encode(request, response, stored)
        response[CACHE_STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def answer_from(request, entry, status):
        response = response_from_entry(request, entry)
        response[CACHE_STATUS_HEADER] = status
        return response

    @staticmethod
    def mark_not_shared(request, response):
        """Responses not shared between visitors must not be kept by a proxy or CDN either."""
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        response[CACHE_STATUS_HEADER] = "bypass"
        return response
