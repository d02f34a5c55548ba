"""The database cache of production without Redis (pagecache/dbcache.py): each write one
statement, `add` atomic, the table culled past its limit, a failed write never breaking the
caller's transaction. Runs on the suite's database (SQLite, or PostgreSQL in CI)."""

import time

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from pagecache.dbcache import DatabaseCache

pytestmark = pytest.mark.django_db

TABLE = "pagecache_backend_test"


def new_cache(table=TABLE, **options):
    return DatabaseCache(table, {"OPTIONS": options})


@pytest.fixture
def cache_table(settings):
    settings.CACHES = {
        **settings.CACHES,
        "backend_test": {"BACKEND": "pagecache.dbcache.DatabaseCache", "LOCATION": TABLE},
    }
    call_command("createcachetable", verbosity=0)
    caches["backend_test"].clear()
    yield TABLE
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(TABLE)}")


def statements(function, *args, **kwargs):
    """The SQL statements on the cache's table that `function` runs (the test's transaction
    adds a savepoint around each, which is not counted)."""
    with CaptureQueriesContext(connection) as captured:
        result = function(*args, **kwargs)
    return result, [query["sql"] for query in captured.captured_queries if TABLE in query["sql"]]


def rows(table=TABLE):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        return cursor.fetchone()[0]


def test_a_set_is_one_statement_and_replaces_the_value(cache_table):
    cache = new_cache()

    _, first = statements(cache.set, "page", {"content": b"<p>One</p>"}, 60)
    _, second = statements(cache.set, "page", {"content": b"<p>Two</p>"}, 60)

    assert len(first) == len(second) == 1
    assert cache.get("page") == {"content": b"<p>Two</p>"}
    assert rows() == 1


def test_add_takes_a_missing_or_expired_key_only(cache_table):
    cache = new_cache()

    added, sql = statements(cache.add, "claim", "first", 60)
    assert added is True and len(sql) == 1
    assert cache.add("claim", "second", 60) is False
    assert cache.get("claim") == "first"

    cache.set("claim", "expired", 1)
    time.sleep(2.1)  # expiry times are kept to the second
    assert cache.add("claim", "after expiry", 60) is True
    assert cache.get("claim") == "after expiry"


def test_timeouts_as_django_reads_them(cache_table):
    cache = new_cache()

    cache.set("for-ever", "kept", None)
    cache.set("at-once", "gone", 0)

    assert cache.get("for-ever") == "kept"
    assert cache.get("at-once") is None
    assert cache.add("at-once", "added", 60) is True


def test_the_table_is_counted_every_few_writes_and_culled_past_its_limit(cache_table):
    cache = new_cache(MAX_ENTRIES=10, CULL_FREQUENCY=2, CULL_CHECK_WRITES=5)
    counts = 0
    for number in range(40):
        _, sql = statements(cache.set, f"page-{number}", number, 60)
        counts += sum("COUNT(*)" in statement for statement in sql)
        # At most the limit, the writes until the next count and the one that counts.
        assert rows() <= 10 + 5

    assert counts == 40 // 5
    assert cache.get("page-39") == 39  # the newest are kept


def test_a_failed_write_is_reported_and_leaves_the_callers_transaction_usable(cache_table):
    missing = new_cache("pagecache_no_such_table")
    kept = new_cache()

    with transaction.atomic():
        missing.set("page", "value", 60)  # no error: the page is simply not kept
        assert missing.add("claim", "value", 60) is False
        kept.set("after", "still written", 60)  # the transaction was not broken
        assert kept.get("after") == "still written"


# serialized_rollback puts back what migrations created (the root page, the default locale).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_a_failed_write_is_reported(cache_table):
    missing = new_cache("pagecache_no_such_table")

    missing.set("page", "value", 60)
    assert missing.add("claim", "value", 60) is False
    assert new_cache().add("claim", "value", 60) is True


def test_a_page_miss_on_the_database_cache_stores_the_page_in_one_write(
    database_cache, client, article
):
    """The page is stored with one statement, not Django's count, read and insert."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    cache_writes = [
        query["sql"]
        for query in captured.captured_queries
        if "pagecache:page:" in query["sql"]
        and not query["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(cache_writes) == 1
    assert cache_writes[0].lstrip().upper().startswith("INSERT")
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_on_the_database_cache_a_page_hit_is_one_statement(database_cache, client, article):
    """The generation and the stored page are read together."""
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.url)

    assert response["X-Page-Cache"] == "hit"
    assert len(captured.captured_queries) == 1


def test_the_combined_read_sees_a_publish_at_once(database_cache, client, article):
    first = client.get(article.url)
    article.title = "A title published a moment ago"
    article.save_revision().publish()

    after = client.get(article.url)

    assert first["X-Page-Cache"] == "miss"
    assert after["X-Page-Cache"] == "miss"
    assert "A title published a moment ago" in after.content.decode()


def test_when_the_combined_read_fails_the_page_is_rendered_and_not_stored(
    database_cache, client, article, monkeypatch
):
    from django.db import OperationalError

    from pagecache.dbcache import DatabaseCache as Backend

    client.get(article.url)

    def unreachable(*args, **kwargs):
        raise OperationalError("the database is down")

    monkeypatch.setattr(Backend, "get_beside", unreachable)
    response = client.get(article.url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]


def test_without_the_generation_row_the_first_request_creates_it(database_cache, client, article):
    from pagecache.models import ContentGeneration

    ContentGeneration.objects.all().delete()

    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert ContentGeneration.objects.count() == 1
    assert client.get(article.url)["X-Page-Cache"] == "hit"
