"""The article view counter: a reader counts once an hour per article, cached page or not; machines,
prefetches and prerenders do not. Tests that count several visits use several readers (addresses):
one reader's repeated visits used to be counted each, which let one client inflate the figure.

A view only notes the visitor in the process's memory; a flush writes the marks and the counts
(news/counter.py). Tests run with `VIEW_COUNT_FLUSH_SECONDS = 0` (a flush after each view) unless
they set it; test_no_writes_on_views.py checks that a counted view writes nothing when it is not.
"""

import logging
import threading
import time

import pytest
from django.db import DatabaseError, connection
from django.test import Client

from news import counter
from news.counter import PendingVisits, pending_visits, visitor_digest, write_visits
from news.models import ArticleViewCount, ArticleVisitorMark
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
    request = rf.get(article.url, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT=READER)
    this_hour, next_hour = (
        visitor_digest(request, article.pk, 1000),
        visitor_digest(request, article.pk, 1001),
    )

    assert this_hour != next_hour
    assert "198.51.100.7" not in this_hour and "Firefox" not in this_hour
    settings.SECRET_KEY = "another-site"
    assert visitor_digest(request, article.pk, 1000) != this_hour  # keyed: not guessable elsewhere


@pytest.mark.django_db
def test_a_reader_counts_again_in_the_next_hour(reader_client, page_cache, article, monkeypatch):
    hour = counter.current_hour()
    reader_client.get(article.url, **from_reader(1))
    reader_client.get(article.url, **from_reader(1))
    assert views_of(article) == 1

    monkeypatch.setattr(counter, "current_hour", lambda: hour + 1)
    reader_client.get(article.url, **from_reader(1))
    reader_client.get(article.url, **from_reader(1))

    assert views_of(article) == 2
    stored = ArticleVisitorMark.objects.filter(page_id=article.pk)
    assert sorted(stored.values_list("hour", flat=True)) == [hour, hour + 1]
    assert all(len(digest) == 64 for digest in stored.values_list("digest", flat=True))


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
        if query["sql"].split()[0].upper() in ("SELECT", "UPDATE", "INSERT", "DELETE")
    ]


def digest_of(number):
    """A stand-in for a visitor's digest (the flush only needs it unique)."""
    return format(number, "064x")


def visits_of(page, numbers, hour):
    return {digest_of(number): (page.pk, hour) for number in numbers}


@pytest.mark.django_db
def test_batched_visits_are_written_together_one_statement_each(
    settings, reader_client, page_cache, news_site, django_assert_max_num_queries
):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    first, second = news_site["articles"][:2]
    for number in range(5):
        reader_client.get(first.url, **from_reader(number))
        reader_client.get(second.url, **from_reader(number))
    assert views_of(first) == views_of(second) == 0  # not written yet: the count on the page lags
    assert not ArticleVisitorMark.objects.exists()

    with django_assert_max_num_queries(14) as captured:  # with savepoints
        pending_visits.flush()

    # live articles, the marks in one INSERT, the marks this flush wrote per article, per article
    # one UPDATE and (the first time) the INSERT of its count, the marks of past hours deleted.
    assert data_statements(captured) == [
        "SELECT",
        "INSERT",
        "SELECT",
        *["UPDATE", "INSERT"] * 2,
        "DELETE",
    ]
    assert views_of(first) == views_of(second) == 5
    assert ArticleVisitorMark.objects.count() == 10

    for number in range(5, 8):
        reader_client.get(first.url, **from_reader(number))
    with django_assert_max_num_queries(7) as captured:
        pending_visits.flush()
    assert data_statements(captured) == ["SELECT", "INSERT", "SELECT", "UPDATE", "DELETE"]
    assert views_of(first) == 8


@pytest.mark.django_db
def test_the_same_visitor_twice_in_an_hour_counts_once_two_visitors_twice(settings, article):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    hour = counter.current_hour()
    process = PendingVisits()

    assert process.add(digest_of(1), article.pk, hour) is True
    assert process.add(digest_of(1), article.pk, hour) is False  # already pending
    assert process.add(digest_of(2), article.pk, hour) is True
    process.flush()
    assert process.add(digest_of(1), article.pk, hour) is False  # already sent this hour
    process.flush()

    assert views_of(article) == 2
    process.reset()


@pytest.mark.django_db
def test_two_processes_flushing_the_same_visitor_count_it_once(settings, article):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    hour = counter.current_hour()
    one, other = PendingVisits(), PendingVisits()
    for number in (1, 2, 3):
        one.add(digest_of(number), article.pk, hour)
    for number in (2, 3, 4):
        other.add(digest_of(number), article.pk, hour)

    one.flush()
    assert views_of(article) == 3
    other.flush()  # 2 and 3 were marked by the first process: only 4 is new

    assert views_of(article) == 4
    assert ArticleVisitorMark.objects.filter(page_id=article.pk).count() == 4
    one.reset()
    other.reset()


@pytest.mark.django_db
def test_a_mark_written_before_is_not_counted_again(article):
    hour = counter.current_hour()
    assert write_visits(visits_of(article, [1, 2], hour)) == {article.pk: 2}

    # Another process, or this one once its memory of sent visitors forgot them.
    assert write_visits(visits_of(article, [1, 2], hour)) == {}
    assert write_visits(visits_of(article, [2, 3], hour)) == {article.pk: 1}

    assert views_of(article) == 3


@pytest.mark.django_db
def test_visits_of_an_article_deleted_meanwhile_are_dropped(news_site):
    kept, deleted = news_site["articles"][:2]
    hour = counter.current_hour()
    visits = {**visits_of(kept, [1], hour), **visits_of(deleted, [2], hour)}
    deleted.delete()

    assert write_visits(visits) == {kept.pk: 1}
    assert views_of(kept) == 1


@pytest.mark.django_db
def test_a_failed_write_keeps_the_visits_for_the_next_one(settings, article, monkeypatch, caplog):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    hour = counter.current_hour()
    pending_visits.add(digest_of(1), article.pk, hour)
    pending_visits.add(digest_of(2), article.pk, hour)

    def database_unavailable(*args, **kwargs):
        raise DatabaseError("the database is restarting")

    with monkeypatch.context() as patched:
        patched.setattr(ArticleVisitorMark.objects, "bulk_create", database_unavailable)
        with caplog.at_level(logging.ERROR, logger="news.counter"):
            pending_visits.flush()
    assert views_of(article) == 0
    assert not ArticleVisitorMark.objects.exists()
    assert "Could not write 2 article visits" in caplog.text
    assert set(pending_visits.pending) == {digest_of(1), digest_of(2)}
    assert pending_visits.timer is not None  # the next try is scheduled
    assert pending_visits.add(digest_of(1), article.pk, hour) is False  # still pending, once

    pending_visits.flush()
    assert views_of(article) == 2
    assert pending_visits.pending == {}


def test_the_bounds_are_those_documented():
    assert counter.PENDING_LIMIT == 10_000
    assert counter.SENT_LIMIT == 50_000
    assert (pending_visits.pending_limit, pending_visits.sent_limit) == (10_000, 50_000)


def test_a_full_pending_set_starts_a_flush_and_drops_visits_with_a_warning(settings, caplog):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    process = PendingVisits(pending_limit=5, sent_limit=20)
    flushes = threading.Event()
    process.flush_from_timer = flushes.set  # the background flush, observed and not run
    hour = 500_000

    with caplog.at_level(logging.WARNING, logger="news.counter"):
        added = [process.add(digest_of(number), 7, hour) for number in range(8)]

    assert added == [True] * 5 + [False] * 3
    assert len(process.pending) == 5 and process.dropped == 3
    assert flushes.wait(5), "filling the pending set did not start a flush at once"
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1 and "Article visits dropped" in warnings[0]  # one per episode

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="news.counter"):
        taken = process.take()
    assert len(taken) == 5 and process.pending == {}
    assert "3 article visits were dropped" in caplog.text
    process.reset()


def test_a_failed_write_put_back_stays_within_the_bound(settings):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    process = PendingVisits(pending_limit=5, sent_limit=20)
    process.flush_from_timer = lambda: None
    hour = 500_000
    for number in range(4):
        process.add(digest_of(number), 7, hour)
    failed = process.take()
    for number in range(4, 8):
        process.add(digest_of(number), 7, hour)

    process.put_back(failed)

    # The older visits first, then the newer ones up to the bound.
    assert list(process.pending) == [digest_of(number) for number in range(5)]
    assert process.dropped == 3
    assert not set(failed) & set(process.sent)
    process.reset()


def test_the_memory_of_sent_visitors_is_bounded_and_forgets_past_hours(settings):
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    process = PendingVisits(pending_limit=10, sent_limit=25)
    process.flush_from_timer = lambda: None
    hour = 500_000
    for number in range(100):
        process.add(digest_of(number), 7, hour)
        assert len(process.pending) <= 10
        if len(process.pending) == 10:
            process.take()  # as a successful flush does
        assert len(process.sent) <= 25
    assert len(process.sent) == 25
    assert list(process.sent) == [digest_of(number) for number in range(75, 100)]  # the newest

    process.add(digest_of(1000), 7, hour + 1)

    assert process.sent == {}  # last hour's visitors have new digests this hour
    process.reset()


@pytest.mark.django_db
def test_marks_of_hours_before_the_previous_one_are_pruned(news_site):
    import uuid

    first, second = news_site["articles"][:2]
    hour = counter.current_hour()
    ArticleVisitorMark.objects.bulk_create(
        ArticleVisitorMark(
            digest=digest_of(100 + age), page=first, hour=hour - age, batch=uuid.uuid4()
        )
        for age in range(4)
    )

    write_visits(visits_of(second, [1], hour), hour=hour)

    assert sorted(ArticleVisitorMark.objects.values_list("hour", flat=True)) == [
        hour - 1,
        hour,
        hour,
    ]
    assert views_of(first) == 0 and views_of(second) == 1


@pytest.mark.django_db
def test_visits_held_back_longer_keep_their_marks_until_written(article):
    """After an outage, a flush writes visits of hours ago: their marks are not pruned at once."""
    hour = counter.current_hour()
    write_visits(visits_of(article, [1, 2], hour - 3), hour=hour)

    assert views_of(article) == 2
    assert ArticleVisitorMark.objects.filter(hour=hour - 3).count() == 2


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
    # On the tests' in-memory SQLite a transaction that finds another writing fails at once
    # ("database table is locked", no waiting): its visits wait for the next flush, the timer's or
    # the one at exit, as here.
    pending_visits.flush()
    assert pending_visits.pending == {}
    assert views_of(article) == 1 + threads_count * visits_each


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_processes_flushing_the_same_visitors_at_once_count_each_once(settings, news_site):
    """Four processes (each its own PendingVisits and connection) saw overlapping visitors of
    two articles and flush at the same moment: each visitor counts once."""
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    first, second = news_site["articles"][:2]
    hour = counter.current_hour()
    processes = [PendingVisits() for _ in range(4)]
    for index, process in enumerate(processes):
        for number in range(index * 10, index * 10 + 30):  # 30 each, overlapping: 60 in all
            page = first if number % 2 else second
            process.add(digest_of(number), page.pk, hour)
    failures = []
    start = threading.Barrier(len(processes))

    def flush(process):
        try:
            start.wait()
            for _ in range(50):  # as the timer does: a failed flush (locked) is tried again
                process.flush()
                if not process.pending:
                    break
                time.sleep(0.05)
            else:
                failures.append("still pending")
        except Exception as error:
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=flush, args=(process,)) for process in processes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for process in processes:
        process.reset()

    assert failures == []
    assert views_of(first) == views_of(second) == 30
    assert ArticleVisitorMark.objects.count() == 60
