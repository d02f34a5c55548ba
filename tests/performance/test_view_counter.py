"""The article view counter: a reader counts once an hour per article, cached page or not; machines,
prefetches and prerenders do not. Tests that count several visits use several readers (addresses):
one reader's repeated visits used to be counted each, which let one client inflate the figure."""

import threading

import pytest
from django.db import DatabaseError, connection
from django.test import Client

from news.counter import pending_visits, record_visit
from news.models import ArticleViewCount
from tests.performance.conftest import READER


def views_of(article):
    row = ArticleViewCount.objects.filter(page_id=article.pk).first()
    return row.count if row else 0


def from_reader(number):
    return {"REMOTE_ADDR": f"192.0.2.{number}"}


@pytest.mark.django_db
def test_a_visit_counts_whether_the_page_was_rendered_or_cached(reader_client, page_cache, article):
    assert reader_client.get(article.url, **from_reader(1))["X-Page-Cache"] == "miss"
    assert reader_client.get(article.url, **from_reader(2))["X-Page-Cache"] == "hit"
    assert reader_client.get(article.url, **from_reader(3))["X-Page-Cache"] == "hit"

    assert views_of(article) == 3


@pytest.mark.django_db
def test_the_article_shows_its_count(reader_client, article):
    for number in range(4):
        reader_client.get(article.url, **from_reader(number))

    assert "4" in reader_client.get(article.url, **from_reader(10)).content.decode()
    assert views_of(article) == 5


@pytest.mark.django_db
def test_one_reader_counts_once_an_hour_however_often_they_come(
    reader_client, page_cache, news_site
):
    article = news_site["articles"][0]
    for _ in range(30):
        reader_client.get(article.url, **from_reader(1))
    other_article = news_site["articles"][1]
    reader_client.get(other_article.url, **from_reader(1))
    reader_client.get(article.url, **from_reader(2))
    reader_client.get(article.url, HTTP_USER_AGENT=READER + " Edg/131", **from_reader(1))

    assert views_of(article) == 3  # reader 1, reader 2, and another browser at reader 1's address
    assert views_of(other_article) == 1


@pytest.mark.django_db
def test_the_next_hour_counts_again_and_nothing_personal_is_kept(rf, article, settings):
    from news.counter import visitor_key

    request = rf.get(article.url, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT=READER)
    this_hour, next_hour = (
        visitor_key(request, article.pk, 1000),
        visitor_key(request, article.pk, 1001),
    )

    assert this_hour != next_hour
    assert "198.51.100.7" not in this_hour and "Firefox" not in this_hour
    settings.SECRET_KEY = "another-site"
    assert visitor_key(request, article.pk, 1000) != this_hour  # keyed: not guessable elsewhere


@pytest.mark.django_db
def test_behind_trusted_proxies_the_forwarded_address_is_the_reader(
    reader_client, settings, article
):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        reader_client.get(
            article.url, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}"
        )
    # A forged leftmost entry does not make a new reader: only the proxy's own entry counts.
    reader_client.get(
        article.url, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.0"
    )

    assert views_of(article) == 3


MACHINES = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1",
    "curl/8.5.0",
    "python-requests/2.32",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
    "",
]


@pytest.mark.django_db
def test_machines_are_not_counted(client, page_cache, article):
    for user_agent in MACHINES:
        client.get(article.url, HTTP_USER_AGENT=user_agent)
        client.get(article.url, HTTP_USER_AGENT=user_agent)

    assert views_of(article) == 0


SPECULATIVE_HEADERS = [
    {"HTTP_SEC_PURPOSE": "prefetch"},
    {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
    {"HTTP_PURPOSE": "prefetch"},
    {"HTTP_X_MOZ": "prefetch"},
    {"HTTP_X_PURPOSE": "preview"},
    {"HTTP_X_PURPOSE": "Preview"},
]


@pytest.mark.django_db
def test_prefetches_and_head_requests_are_not_counted(reader_client, page_cache, article):
    for number, headers in enumerate(SPECULATIVE_HEADERS):
        assert reader_client.get(article.url, **headers, **from_reader(number)).status_code == 200
    reader_client.head(article.url)

    assert views_of(article) == 0


@pytest.mark.django_db
def test_an_editors_preview_is_not_counted(article):
    article.make_preview_request()

    assert views_of(article) == 0


@pytest.mark.django_db
def test_other_pages_are_not_counted(reader_client, page_cache, news_site):
    reader_client.get(news_site["index"].url)
    reader_client.get("/az/")

    assert ArticleViewCount.objects.count() == 0


def data_statements(captured):
    """The statements that read or write rows (not transaction bookkeeping such as SAVEPOINT)."""
    return [
        query["sql"].split()[0].upper()
        for query in captured.captured_queries
        if query["sql"].split()[0].upper() in ("SELECT", "UPDATE", "INSERT")
    ]


@pytest.mark.django_db
def test_a_visit_costs_one_write_and_no_read(article, django_assert_max_num_queries):
    record_visit(article.pk)  # the first visit creates the row

    with django_assert_max_num_queries(3) as captured:
        record_visit(article.pk)

    assert data_statements(captured) == ["UPDATE"]
    assert views_of(article) == 2


@pytest.mark.django_db
def test_batched_visits_are_written_together_in_one_update(
    settings, reader_client, page_cache, article, django_assert_max_num_queries
):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    for number in range(5):
        reader_client.get(article.url, **from_reader(number))
    assert views_of(article) == 0  # not written yet: the count on the page lags

    with django_assert_max_num_queries(6) as captured:  # with savepoints
        pending_visits.flush()

    assert data_statements(captured) == ["UPDATE", "INSERT"]
    assert views_of(article) == 5


@pytest.mark.django_db
def test_a_failed_write_keeps_the_visits_for_the_next_one(settings, article, monkeypatch):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    record_visit(article.pk)
    record_visit(article.pk)

    def database_unavailable(page_id, visits):
        raise DatabaseError("the database is restarting")

    with monkeypatch.context() as patched:
        patched.setattr("news.counter.add_visits", database_unavailable)
        pending_visits.flush()
    assert views_of(article) == 0

    pending_visits.flush()
    assert views_of(article) == 2


# serialized_rollback puts back what migrations created (the root page, the default locale),
# which the flush after a transactional test would otherwise remove for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_visits_lose_nothing(page_cache, settings, news_site):
    article = news_site["articles"][0]
    # The first visit renders the page (and its image renditions); the others share it.
    Client(HTTP_USER_AGENT=READER).get(article.url, REMOTE_ADDR="192.0.2.250")
    threads_count, visits_each = 6, 15
    failures = []
    start = threading.Barrier(threads_count)

    def read_repeatedly(thread_number):
        reader = Client(HTTP_USER_AGENT=READER)
        try:
            start.wait()
            for visit in range(visits_each):
                address = f"10.0.{thread_number}.{visit}"
                if reader.get(article.url, REMOTE_ADDR=address).status_code != 200:
                    failures.append("status")
        except Exception as error:  # reported below, with the thread's error
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=read_repeatedly, args=(number,)) for number in range(threads_count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert views_of(article) == 1 + threads_count * visits_each
