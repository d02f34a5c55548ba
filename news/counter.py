"""Counting the visits of news articles: one atomic `UPDATE ... SET count = count + 1` per visit.

`ViewCountMiddleware` sits outside the page cache, so a visit is counted whether the article's HTML
was rendered or served from the cache (the page cache tells it which page a cached entry was).
Bots, link previews, prefetches, HEAD requests and editors' previews (which never reach `serve`)
are not counted. Each visit costs one cheap write and no read; concurrent visits lose nothing,
because the database adds one to the stored value itself.

The number shown on the article is part of its HTML, which the page cache keeps for
`PAGE_CACHE_COUNTED_SECONDS` (60 s by default): the displayed count lags the real one by at most
that long.
"""

import re

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

# Crawlers, monitors, link-preview fetchers, command-line clients and headless browsers (our own
# accessibility audits among them) are not readers.
NOT_A_READER = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|"
    r"curl|wget|python-|httpx|aiohttp|go-http-client|java/|okhttp|headlesschrome|lighthouse",
    re.IGNORECASE,
)


def is_reader(request):
    """Whether a request looks like a person reading, rather than a machine fetching."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if not user_agent or NOT_A_READER.search(user_agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    return "prefetch" not in purpose.lower()


def view_count_model():
    return apps.get_model("news", "ArticleViewCount")


def record_visit(page_id):
    """Add one to the page's count, creating its row on the first visit; safe under concurrency."""
    counts = view_count_model().objects.filter(page_id=page_id)
    if counts.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            view_count_model().objects.create(page_id=page_id, count=1)
    except IntegrityError:
        # Another visit created the row between our UPDATE and INSERT: add ours to it.
        counts.update(count=F("count") + 1)


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
            record_visit(request.served_page_id)
        return response
