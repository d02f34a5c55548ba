"""Counting the visits of news articles: batched, atomic `UPDATE ... SET count = count + n` writes.

`ViewCountMiddleware` sits outside the page cache, so a visit is counted whether the article's HTML
was rendered or served from the cache (the page cache tells it which page a cached entry was).
Bots, link previews, prefetches and prerenders (every browser's header for them), HEAD requests
and editors' previews (which never reach `serve`) are not counted.

One visitor counts once per article per clock hour, without a cookie and without storing
anything personal: the visitor is a keyed hash (HMAC-SHA256, with a key derived from
`SECRET_KEY`) of the client's address, its user agent, the article and the hour, kept in the
cache for an hour with `add` (the first request of the hour adds it and counts). The address is
the connection's, or, behind `TRUSTED_PROXY_COUNT` reverse proxies, the one they report in
`X-Forwarded-For`. When the cache cannot say whether the visitor was counted (Redis down), the
visit is not counted: a public figure that could be inflated at will during an outage is worse
than one that misses the visits of a few minutes.

Each process adds visits up in memory and writes them every `VIEW_COUNT_FLUSH_SECONDS` (10 s in
production; 0, at once, in development and tests) in one transaction: one cheap `UPDATE` per
article read in that interval, whatever the traffic. Nothing is lost under concurrency: the
database adds each process's number to the stored value itself, a failed write keeps the visits
for the next one, and a process that stops writes what it holds first.

The number shown on an article lags the real one by at most the flush interval plus
`PAGE_CACHE_COUNTED_SECONDS` (60 s), how long the page cache keeps an article's HTML.
"""

import atexit
import collections
import logging
import re
import threading
import time

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from core.client_address import client_ip_address

logger = logging.getLogger(__name__)

# Crawlers, monitors, link-preview fetchers, command-line clients and headless browsers (our own
# accessibility audits among them) are not readers.
NOT_A_READER = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|"
    r"curl|wget|python-|httpx|aiohttp|go-http-client|java/|okhttp|headlesschrome|lighthouse",
    re.IGNORECASE,
)


# What browsers send with a request made ahead of a click: Chromium `Sec-Purpose: prefetch`
# (`prefetch;prerender`), the older `Purpose: prefetch`, Firefox `X-Moz: prefetch`, Safari's
# `X-Purpose: preview`.
SPECULATIVE_REQUEST_HEADERS = ("Sec-Purpose", "Purpose", "X-Moz", "X-Purpose")
SPECULATIVE_PURPOSES = re.compile(r"prefetch|prerender|preview", re.IGNORECASE)
VISITOR_SECONDS = 60 * 60


def is_speculative(request):
    """A prefetch or prerender: the person may never look at the page."""
    return any(
        SPECULATIVE_PURPOSES.search(request.headers.get(header, ""))
        for header in SPECULATIVE_REQUEST_HEADERS
    )


def is_reader(request):
    """Whether a request looks like a person reading, rather than a machine fetching."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if not user_agent or NOT_A_READER.search(user_agent):
        return False
    return not is_speculative(request)


def visitor_key(request, page_id, hour=None):
    """A cache key naming this visitor, article and hour, from which none of them can be read."""
    hour = int(time.time() // VISITOR_SECONDS) if hour is None else hour
    message = "\x1f".join(
        [
            client_ip_address(request),
            request.META.get("HTTP_USER_AGENT", ""),
            str(page_id),
            str(hour),
        ]
    )
    digest = salted_hmac("news.counter.visitor", message, algorithm="sha256").hexdigest()
    return f"counter:visitor:{digest}"


def first_visit_this_hour(request, page_id):
    """True when this visitor has not been counted for this article this hour; False when they
    have or when the cache cannot tell (it is down)."""
    from django.core.cache import cache

    if getattr(getattr(cache, "client", None), "is_open", False):
        return False  # Redis is skipped: only this process's memory would answer
    try:
        added = cache.add(visitor_key(request, page_id), 1, timeout=VISITOR_SECONDS)
    except Exception:  # the database cache while the database is down
        return False
    return added is True


def view_count_model():
    return apps.get_model("news", "ArticleViewCount")


def add_visits(page_id, visits):
    """Add `visits` to the page's count, creating its row the first time; safe under concurrency."""
    counts = view_count_model().objects.filter(page_id=page_id)
    if counts.update(count=F("count") + visits):
        return
    try:
        with transaction.atomic():
            view_count_model().objects.create(page_id=page_id, count=visits)
    except IntegrityError:
        # Another process created the row between our UPDATE and INSERT (or the page is gone).
        counts.update(count=F("count") + visits)


class PendingVisits:
    """The visits this process counted and has not written yet: page id -> number."""

    def __init__(self):
        self.counts = collections.Counter()
        self.lock = threading.Lock()
        self.timer = None

    def add(self, page_id):
        interval = settings.VIEW_COUNT_FLUSH_SECONDS
        with self.lock:
            self.counts[page_id] += 1
            if interval > 0 and self.timer is None:
                self.timer = threading.Timer(interval, self.flush_from_timer)
                self.timer.daemon = True
                self.timer.start()
        if interval <= 0:
            self.flush()

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, collections.Counter()
            if self.timer is not None:
                self.timer.cancel()  # harmless when it is the timer itself that is flushing
            self.timer = None
        return counts

    def flush(self):
        """Write every pending visit in one transaction; on failure keep them for the next try."""
        counts = self.take()
        if not counts:
            return
        try:
            with transaction.atomic():
                for page_id, visits in sorted(counts.items()):
                    add_visits(page_id, visits)
        except Exception:
            logger.exception("Could not write %d article visits; keeping them", counts.total())
            with self.lock:
                self.counts.update(counts)

    def flush_from_timer(self):
        try:
            self.flush()
        finally:
            connections.close_all()  # this thread's own connections


pending_visits = PendingVisits()
atexit.register(pending_visits.flush)


def record_visit(page_id):
    """Count one visit of the article `page_id` (written now or with the next batch)."""
    pending_visits.add(page_id)


def should_count(request, response):
    page_type = getattr(request, "served_page_type", None)
    return (
        page_type in settings.VIEW_COUNTED_PAGE_TYPES
        and request.method == "GET"
        and response.status_code == 200
        and not getattr(request, "is_preview", False)
        and is_reader(request)
    )


class ViewCountMiddleware:
    """Count a visit after the article page has been answered, from the cache or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if should_count(request, response) and first_visit_this_hour(
            request, request.served_page_id
        ):
            record_visit(request.served_page_id)
        return response
