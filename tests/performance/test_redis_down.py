"""A dead Redis never takes the site down: every cache call becomes a miss, pages still render.

Visits are still counted while Redis is down, once per visitor and hour: the view counter uses no
cache (news/counter.py); whether a visitor was counted is kept in the process's memory and in the
database's visitor marks. (Until the counter kept its marks in the cache, visits were not counted
during an outage.)
"""

import logging
import socket

import pytest
from django.core.cache import cache

from news.models import ArticleViewCount

pytestmark = pytest.mark.django_db


def closed_loopback_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_redis(settings):
    """The production cache configuration, pointed at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_loopback_port()}/0",
            "OPTIONS": {
                "CLIENT_CLASS": "pagecache.redis.CircuitBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    assert cache.get("anything") is None  # the dead cache answers, with a miss


def test_pages_render_and_visits_are_counted_while_redis_is_down(
    dead_redis, reader_client, news_site
):
    article = news_site["articles"][0]

    for url in ["/az/", news_site["index"].url, article.url]:
        response = reader_client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss"
    # Kept meanwhile in the process's own memory, under the database's generation.
    assert reader_client.get(article.url)["X-Page-Cache"] == "hit"
    assert reader_client.get(article.url, REMOTE_ADDR="192.0.2.9")["X-Page-Cache"] == "hit"

    # Two readers: the first came twice in the hour and counts once.
    assert ArticleViewCount.objects.get(page_id=article.pk).count == 2


def test_batched_visits_are_written_while_redis_is_down(
    dead_redis, reader_client, news_site, settings, monkeypatch
):
    """With the production interval, views only note their visitors; the flush writes them."""
    from news import counter

    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    settings.REDIS_RETRY_SECONDS = 60
    article = news_site["articles"][0]
    reader_client.get(article.url)  # renders it: the page cache keeps it in memory
    for number in range(3):
        reader_client.get(article.url, REMOTE_ADDR=f"192.0.2.{number + 10}")
    assert not ArticleViewCount.objects.filter(page_id=article.pk).exists()
    assert len(counter.pending_visits.pending) == 4

    counter.pending_visits.flush()

    assert ArticleViewCount.objects.get(page_id=article.pk).count == 4


def test_editors_can_publish_while_redis_is_down(dead_redis, client, news_site):
    article = news_site["articles"][0]
    article.title = "Published during a cache outage"

    article.save_revision().publish()

    assert "Published during a cache outage" in client.get(article.url).content.decode()


@pytest.fixture
def redis_connections(monkeypatch):
    """Every time the cache client reaches for a Redis connection."""
    from django_redis.client import DefaultClient

    asked = []
    original = DefaultClient.get_client

    def counting_get_client(self, *args, **kwargs):
        asked.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(DefaultClient, "get_client", counting_get_client)
    return asked


def test_after_a_failure_redis_is_not_asked_again_for_a_while(
    dead_redis, settings, redis_connections
):
    """A hung Redis costs one timeout, not one per cache call of every page."""
    settings.REDIS_RETRY_SECONDS = 60
    cache.get("first")  # fails: the breaker opens
    redis_connections.clear()

    for number in range(20):
        assert cache.get(f"key-{number}") is None
        cache.set(f"key-{number}", number)

    assert redis_connections == []
    assert cache.client.is_skipping


def test_redis_is_asked_again_after_the_pause(dead_redis, settings, redis_connections, monkeypatch):
    import time

    from pagecache import redis

    settings.REDIS_RETRY_SECONDS = 60
    cache.get("first")  # fails: the breaker opens
    redis_connections.clear()
    assert cache.get("second") is None
    assert redis_connections == []

    later = time.monotonic() + 61
    monkeypatch.setattr(redis.time, "monotonic", lambda: later)

    assert cache.get("third") is None
    assert len(redis_connections) == 1


def test_one_warning_per_outage_not_one_traceback_per_call(dead_redis, settings, caplog):
    settings.REDIS_RETRY_SECONDS = 60
    cache.client._open, cache.client._skip_until = False, 0.0  # as before the outage
    with caplog.at_level(logging.WARNING):
        for number in range(50):
            cache.get(f"key-{number}")
            cache.set(f"key-{number}", number)

    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(records) == 1
    assert "Redis cache unreachable" in records[0].getMessage()
    assert records[0].exc_info is None


def test_after_the_pause_only_one_call_tries_redis(dead_redis, settings, redis_connections):
    """While the trial call waits for a hung Redis, the other calls keep skipping it."""
    import time

    from pagecache import redis

    settings.REDIS_RETRY_SECONDS = 60
    cache.get("first")  # the breaker opens
    client = cache.client
    client._skip_until = time.monotonic() - 1  # the pause is over
    redis_connections.clear()

    assert client._may_call() is True  # this call is the trial...
    assert client._may_call() is False  # ...and every other call keeps skipping meanwhile
    assert redis.retry_seconds() == 60


def test_while_redis_is_skipped_the_process_memory_answers_for_a_bounded_time(
    dead_redis, settings, monkeypatch
):
    import time

    from pagecache import redis

    settings.REDIS_RETRY_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 60
    cache.get("first")  # the breaker opens
    cache.set("menu", "kept", timeout=None)  # asked to keep it for ever: kept 60 s at most
    assert cache.get("menu") == "kept"
    assert cache.add("menu", "other") is False

    later = time.monotonic() + 61
    monkeypatch.setattr(redis.time, "monotonic", lambda: later)
    cache.client._succeeded()  # Redis answers again: what the process kept is dropped

    assert cache.client.memory.get("menu") is None


def test_the_generation_is_read_from_the_database_on_every_request_while_redis_is_skipped(
    dead_redis, settings, minimal_site
):
    from django.db.models import F

    from pagecache.generation import current_generation
    from pagecache.models import ContentGeneration

    settings.REDIS_RETRY_SECONDS = 60
    first = current_generation()
    assert current_generation() == first

    # Another process's change: only the database knows (this process's cache calls fail).
    ContentGeneration.objects.update(number=F("number") + 1)

    assert current_generation() == first + 1  # no copy in this process's memory vouches
