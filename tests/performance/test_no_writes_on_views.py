"""A warm page view writes nothing: no SQL write, no transaction and no shared-cache write, on
the production default (the database cache, no Redis) and on the cache the run configures
(this process's memory, or Redis when REDIS_URL is set).

Each test runs inside its own transaction, so any `transaction.atomic()` a view enters (the
database cache's writes do) shows as a SAVEPOINT among the captured statements.

A counted article view (a reader's browser, not a machine) writes nothing either when visits are
written in batches (`VIEW_COUNT_FLUSH_SECONDS` > 0, as in production): it only notes the visitor
in the process's memory, and the flush writes the count later (news/counter.py).
"""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.counter import pending_visits
from news.models import ArticleViewCount, NewsPage
from tests.performance.conftest import READER
from tests.performance.test_cold_path import WARM_QUERY_BUDGETS, url_of

pytestmark = pytest.mark.django_db

WRITING_STATEMENT = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE|REPLACE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I
)
CACHE_WRITES = ("set", "add", "set_many", "delete", "delete_many", "incr", "decr", "touch")
PAGE_TYPES = sorted(WARM_QUERY_BUDGETS)


def record_cache_writes(cache, monkeypatch):
    """Every write call made to `cache` from now on, by method name."""
    calls = []
    for name in CACHE_WRITES:
        method = getattr(cache, name)

        def recording(*args, _name=name, _method=method, **kwargs):
            calls.append(_name)
            return _method(*args, **kwargs)

        monkeypatch.setattr(cache, name, recording)
    return calls


def writes_of_a_warm_view(client, url, monkeypatch):
    """(writing statements, shared-cache writes) of a visit after two earlier ones (the first
    made renditions, memos and the stored page)."""
    client.get(url)
    client.get(url)
    cache_writes = record_cache_writes(caches["default"], monkeypatch)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    statements = [query["sql"] for query in captured.captured_queries]
    return [sql for sql in statements if WRITING_STATEMENT.match(sql)], cache_writes


@pytest.mark.parametrize("page_cache_enabled", [False, True], ids=["rendered", "from the cache"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_a_warm_view_on_the_database_cache_writes_nothing(
    client, demo_content, database_cache, settings, monkeypatch, page_type, page_cache_enabled
):
    settings.PAGE_CACHE_ENABLED = page_cache_enabled

    statements, cache_writes = writes_of_a_warm_view(client, url_of(page_type), monkeypatch)

    assert statements == []
    assert cache_writes == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_a_warm_render_on_the_configured_cache_writes_nothing(
    client, demo_content, settings, monkeypatch, page_type
):
    settings.PAGE_CACHE_ENABLED = False

    statements, cache_writes = writes_of_a_warm_view(client, url_of(page_type), monkeypatch)

    assert statements == []
    assert cache_writes == []


def test_renditions_are_kept_in_each_process_not_in_the_shared_cache(
    client, demo_content, database_cache, monkeypatch
):
    """The home page's cards and an article's picture, rendered with nothing memoised: their
    renditions come prefetched with the pages or from the process's own bounded memory, never
    from a write to the database cache."""
    from pagecache.keys import bump_generation

    urls = [url_of("home"), url_of("article")]
    for url in urls:
        client.get(url)
    bump_generation()
    shared_writes = record_cache_writes(caches["default"], monkeypatch)
    pictures = [client.get(url).content.decode().count("<picture") for url in urls]

    assert all(pictures), "the pages showed no image: nothing was tested"
    # Per page: the claim of its render after the publish and the page stored, nothing else.
    assert sorted(shared_writes) == ["add"] * len(urls) + ["set"] * len(urls)


@pytest.mark.parametrize("page_cache_enabled", [False, True], ids=["rendered", "from the cache"])
@pytest.mark.parametrize("cache_in_use", ["database cache", "configured cache"])
def test_a_counted_article_view_writes_nothing_and_the_flush_writes_its_count(
    request, client, demo_content, settings, monkeypatch, cache_in_use, page_cache_enabled
):
    if cache_in_use == "database cache":
        request.getfixturevalue("database_cache")
    settings.PAGE_CACHE_ENABLED = page_cache_enabled
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600  # production writes every 10 s
    article = NewsPage.objects.live().filter(locale__language_code="az").order_by("path").first()
    assert article.url == url_of("article")
    views_before = ArticleViewCount.objects.get(page=article).count
    client.defaults["HTTP_USER_AGENT"] = READER
    client.get(article.url, REMOTE_ADDR="192.0.2.1")  # renditions, memos, the stored page
    client.get(article.url, REMOTE_ADDR="192.0.2.1")

    cache_writes = record_cache_writes(caches["default"], monkeypatch)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.url, REMOTE_ADDR="192.0.2.2")  # a new reader: counted

    assert response.status_code == 200
    statements = [query["sql"] for query in captured.captured_queries]
    assert [sql for sql in statements if WRITING_STATEMENT.match(sql)] == []
    assert cache_writes == []
    assert len(pending_visits.pending) == 2  # both readers noted, each once
    assert ArticleViewCount.objects.get(page=article).count == views_before

    pending_visits.flush()

    assert ArticleViewCount.objects.get(page=article).count == views_before + 2
    assert pending_visits.pending == {}
