"""Counting the visits of news articles: a page view only notes the visitor in this process's
memory; the writes happen in batches, off the request path.

`ViewCountMiddleware` sits outside the page cache, so a visit is counted whether the article's HTML
was rendered or served from the cache (the page cache tells it which page a cached entry was).
Bots, link previews, prefetches and prerenders (every browser's header for them), HEAD requests
and editors' previews (which never reach `serve`) are not counted.

One visitor counts once per article per clock hour, without a cookie and without storing
anything personal: the visitor is a digest (HMAC-SHA256, with a key derived from `SECRET_KEY`)
of the client's address, its user agent, the article and the hour. The address is the
connection's, or, behind `TRUSTED_PROXY_COUNT` reverse proxies, the one they report in
`X-Forwarded-For`.

A page view writes nothing, in any configuration: no SQL statement that writes and no cache call
at all (the cache is not used by the counter). It only adds the digest to this process's pending
set, `{digest: (page id, hour)}`, under a lock; a digest already pending, or already sent by this
process this hour, is ignored. Both memories are bounded: the pending set holds at most
`PENDING_LIMIT` visitors; when it is full, a flush is started at once in a background thread and
the visits that come meanwhile are dropped, with a warning in the log (never a write on the
request). The memory of digests sent holds at most `SENT_LIMIT`, forgets the oldest first and
drops those of past hours; it only spares the database work, it is not what keeps a visitor from
counting twice.

The flush, every `VIEW_COUNT_FLUSH_SECONDS` (10 s in production; 0, at once, in development and
tests, where the view does write) and when the process exits, writes in one transaction:

1. every pending digest as an `ArticleVisitorMark` row (the digest is its primary key) with
   `INSERT ... ON CONFLICT DO NOTHING` (`bulk_create(ignore_conflicts=True)`), each row carrying
   this flush's random batch token. A digest that another process (or this one, before) already
   wrote keeps its row and that row's old token;
2. per article, the rows holding this flush's token, that is the visitors no one had counted,
   added to `ArticleViewCount` with one atomic `UPDATE ... SET count = count + n` (or the row's
   creation);
3. the marks of hours before the previous one deleted (`DELETE ... WHERE hour < h`).

So nothing is counted twice across processes: the unique digest decides which flush counts a
visitor (on PostgreSQL a concurrent insert of the same digest waits for the first transaction and
then inserts nothing; SQLite writes one transaction at a time), and digests are inserted in sorted
order so that two flushes never wait on each other in a cycle. Nothing is lost: a failed flush
(database down or busy) puts its visits back in the pending set for the next one, and a process
that stops writes what it holds first. Visits of articles deleted meanwhile are dropped. The
same holds on SQLite and PostgreSQL, and Redis plays no part: visits are counted while it is down.
The marks are kept for the current and the previous hour (and for the oldest hour of a flush that
was held back longer, e.g. by a database outage); a visitor whose visit waited longer than that
in two processes at once could be counted by both.

The number shown on an article lags the real one by at most the flush interval plus
`PAGE_CACHE_COUNTED_SECONDS` (60 s), how long the page cache keeps an article's HTML.
"""

import atexit
import itertools
import logging
import re
import threading
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import Count, F
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

# Visitors noted and not yet written, at most (about 1.5 MB); beyond them visits are dropped
# until the flush started when the set filled has taken them.
PENDING_LIMIT = 10_000
# Digests this process wrote, remembered to skip them for the rest of their hour (about 7 MB).
SENT_LIMIT = 50_000
# Rows per INSERT of marks (SQLite's bound on parameters may make it fewer).
MARKS_PER_INSERT = 1_000


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


def current_hour():
    """The clock hour, as hours since the epoch (UTC)."""
    return int(time.time() // VISITOR_SECONDS)


def visitor_digest(request, page_id, hour):
    """A digest naming this visitor, article and hour, from which none of them can be read."""
    message = "\x1f".join(
        [
            client_ip_address(request),
            request.META.get("HTTP_USER_AGENT", ""),
            str(page_id),
            str(hour),
        ]
    )
    return salted_hmac("news.counter.visitor", message, algorithm="sha256").hexdigest()


def view_count_model():
    return apps.get_model("news", "ArticleViewCount")


def visitor_mark_model():
    return apps.get_model("news", "ArticleVisitorMark")


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


def write_visits(visits, hour=None):
    """Write `visits` ({digest: (page id, hour)}) in one transaction: mark them, count the marks
    this call inserted (not those another process wrote before), prune the marks of past hours.
    Returns {page id: visits counted}."""
    hour = current_hour() if hour is None else hour
    marks = visitor_mark_model()
    pages = marks._meta.get_field("page").related_model
    batch = uuid.uuid4()
    with transaction.atomic():
        page_ids = {page_id for page_id, _ in visits.values()}
        live = set(pages.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
        marks.objects.bulk_create(
            [
                marks(digest=digest, page_id=page_id, hour=visit_hour, batch=batch)
                for digest, (page_id, visit_hour) in sorted(visits.items())
                if page_id in live
            ],
            batch_size=MARKS_PER_INSERT,
            ignore_conflicts=True,
        )
        counted = dict(
            marks.objects.filter(batch=batch)
            .values_list("page_id")
            .annotate(visits=Count("digest"))
            .order_by("page_id")
        )
        for page_id, number in counted.items():
            add_visits(page_id, number)
        oldest_kept = min(hour - 1, *(visit_hour for _, visit_hour in visits.values()))
        # One DELETE: QuerySet.delete() would first read every row, as it does for models that
        # delete signals may concern; marks have no signal receivers and nothing refers to them.
        past = marks.objects.filter(hour__lt=oldest_kept)
        past._raw_delete(past.db)
    return counted


class PendingVisits:
    """The visitors this process noted and has not written yet, and those it wrote this hour."""

    def __init__(self, pending_limit=PENDING_LIMIT, sent_limit=SENT_LIMIT):
        self.pending_limit = pending_limit
        self.sent_limit = sent_limit
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        """Forget everything, written or not (for tests)."""
        with self.lock:
            if getattr(self, "timer", None) is not None:
                self.timer.cancel()
            self.pending = {}  # digest -> (page id, hour)
            self.sent = {}  # digest -> hour, oldest first
            self.hour = 0
            self.dropped = 0
            self.timer = None

    def add(self, digest, page_id, hour):
        """Note a visit (no write, no cache call); True if it is new to this process."""
        interval = settings.VIEW_COUNT_FLUSH_SECONDS
        with self.lock:
            self._forget_past_hours(hour)
            if digest in self.pending or digest in self.sent:
                return False
            if len(self.pending) >= self.pending_limit:
                self._drop(1)
                return False
            self.pending[digest] = (page_id, hour)
            if interval > 0:
                if len(self.pending) >= self.pending_limit:
                    self._schedule(0)  # full: write them now, in the background
                elif self.timer is None:
                    self._schedule(interval)
        if interval <= 0:
            self.flush()
        return True

    def _forget_past_hours(self, hour):
        if hour > self.hour:
            self.hour = hour
            self.sent = {
                digest: sent_hour for digest, sent_hour in self.sent.items() if sent_hour >= hour
            }

    def _remember_sent(self, visits):
        for digest, (_, hour) in visits.items():
            if hour >= self.hour:
                self.sent[digest] = hour
        while len(self.sent) > self.sent_limit:
            del self.sent[next(iter(self.sent))]

    def _drop(self, number):
        if not self.dropped:
            logger.warning(
                "Article visits dropped: %d visitors already wait to be written (the bound); "
                "new ones are dropped until a flush takes them",
                len(self.pending),
            )
        self.dropped += number

    def _schedule(self, delay):
        if self.timer is not None:
            self.timer.cancel()
        self.timer = threading.Timer(delay, self.flush_from_timer)
        self.timer.daemon = True
        self.timer.start()

    def take(self):
        """The pending visits, now counted as sent (until `put_back`)."""
        with self.lock:
            visits, self.pending = self.pending, {}
            if self.timer is not None:
                self.timer.cancel()  # harmless when it is the timer itself that is flushing
            self.timer = None
            self._remember_sent(visits)
            dropped, self.dropped = self.dropped, 0
        if dropped:
            logger.warning("%d article visits were dropped while the pending set was full", dropped)
        return visits

    def put_back(self, visits):
        """Keep visits a flush could not write for the next one (the oldest first, within the
        bound)."""
        interval = settings.VIEW_COUNT_FLUSH_SECONDS
        with self.lock:
            for digest in visits:
                self.sent.pop(digest, None)
            kept = dict(visits)
            kept.update(self.pending)
            if len(kept) > self.pending_limit:
                self._drop(len(kept) - self.pending_limit)
                kept = dict(itertools.islice(kept.items(), self.pending_limit))
            self.pending = kept
            if interval > 0 and self.timer is None:
                self._schedule(interval)

    def flush(self):
        """Write every pending visit in one transaction; on failure keep them for the next try."""
        visits = self.take()
        if not visits:
            return
        try:
            write_visits(visits)
        except Exception:
            logger.exception("Could not write %d article visits; keeping them", len(visits))
            self.put_back(visits)

    def flush_from_timer(self):
        try:
            self.flush()
        finally:
            connections.close_all()  # this thread's own connections


pending_visits = PendingVisits()
atexit.register(pending_visits.flush)


def record_visit(request, page_id):
    """Note this reader's visit of the article `page_id`: written with the next batch (at once
    when `VIEW_COUNT_FLUSH_SECONDS` is 0) if they were not counted for it this hour."""
    hour = current_hour()
    return pending_visits.add(visitor_digest(request, page_id, hour), page_id, hour)


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
        if should_count(request, response):
            record_visit(request, request.served_page_id)
        return response
