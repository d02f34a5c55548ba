"""The bench's own parts: wrk's errors and per-second answers read, stacks named, scale dates,
and a missing measurement printed as not measured rather than as a figure."""

import io
from contextlib import redirect_stdout

import pytest
from django.utils import timezone

from bench.load import parse_wrk, wrk_script
from bench.report import print_table, search_rows, target_rows
from bench.stack import database_name, label_for_server

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/en/
  2 threads and 16 connections
  Latency Distribution
     50%    4.10ms
     75%    6.00ms
     90%    9.00ms
     99%    1.20s
  9000 requests in 5.00s, 120.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 7
  Non-2xx or 3xx responses: 3
Requests/sec:   1800.50
BUCKET 1700000002 1900 0
BUCKET 1700000001 1500 3
"""


def test_wrk_timeouts_socket_errors_and_seconds_are_read():
    result = parse_wrk(WRK_OUTPUT)

    assert result["requests_per_second"] == 1800.5
    assert result["p50_ms"] == 4.1 and result["p99_ms"] == 1200.0
    assert result["non_2xx"] == 3
    assert result["timeouts"] == 7 and result["socket_error_count"] == 9
    assert result["per_second"] == [(1500, 3), (1900, 0)]  # in the order of wrk's clock


def test_the_wrk_script_goes_round_the_paths_and_counts_each_second_only_when_asked():
    plain = wrk_script(["/en/", "/az/"])
    assert '"/en/", "/az/"' in plain and "BUCKET" not in plain
    assert "counter % #paths" in plain
    assert 'string.format("BUCKET %d %d %d\\n"' in wrk_script(["/en/"], buckets=True)


def test_every_figure_names_its_database_and_cache():
    assert database_name("sqlite:////tmp/bench.sqlite3") == "SQLite"
    assert database_name("django.db.backends.sqlite3") == "SQLite"
    assert database_name("postgres://u@127.0.0.1/bench") == "PostgreSQL"
    assert database_name("django.db.backends.postgresql") == "PostgreSQL"
    assert label_for_server("sqlite:///x", "redis://127.0.0.1:6385/0") == "SQLite + Redis"
    assert label_for_server("postgresql://x/y", "") == "PostgreSQL + database cache"


def test_a_missing_search_bench_is_a_row_saying_so_not_a_figure():
    missing = {"not_measured": "bench.search_scale missing"}
    assert search_rows("100", missing) == [
        ("search, 100 articles", "not measured: bench.search_scale missing", "", "", "")
    ]
    results = {"articles": 100, "database": "SQLite", "renders": {}}
    rows = target_rows({**results, "scale": {"10000": {"search": missing}}})
    assert rows == [
        (
            "search ≤ 100 ms at 10000 articles, any query",
            "not measured: bench.search_scale missing",
            "-",
            "-",
        )
    ]
    printed = io.StringIO()
    with redirect_stdout(printed):
        print_table({**results, "scale": {}})
    assert "demo site" not in printed.getvalue()  # no peer figures in the table


def test_search_at_scale_is_a_row_per_query_and_the_target_takes_the_slowest_median():
    query = {"language": "en", "stands_for": "a word", "more_than_shown": True, "hits_shown": 20}
    result = {
        "database": "postgresql",
        "database_version": "15.18",
        "queries": [
            {**query, "query": "report", "p50_ms": 40.0, "max_ms": 350.0},
            {**query, "query": "commissioner", "p50_ms": 120.5, "max_ms": 130.0},
        ],
    }
    search = {"result": result, "load_average": [1.5, 1.7]}

    rows = search_rows("10000", search)
    targets = target_rows({"renders": {}, "scale": {"10000": {"search": search}}})

    assert [row[0] for row in rows] == [
        "search 'report' (en), 10000 articles",
        "search 'commissioner' (en), 10000 articles",
    ]
    assert rows[0][2:4] == ("p50 40.0 ms", "max 350.0 ms, >20 hits shown")
    assert targets == [
        (
            "search ≤ 100 ms at 10000 articles, any query (postgresql; median of each query's "
            "requests)",
            "120.5 ms ('commissioner'; its slowest request 130.0 ms)",
            "NO",
            "1.5 → 1.7",
        )
    ]


@pytest.mark.django_db
def test_scale_articles_are_the_newest_so_the_first_page_changes_with_size(minimal_site):
    from bench.content import ensure_news_index
    from bench.prepare import scale_urls, top_up
    from news.models import NewsPage

    index_page = ensure_news_index("az")
    top_up(index_page, 12)
    first_page_small = list(index_page.articles()[:10].values_list("pk", flat=True))
    top_up(index_page, 30)
    newest = index_page.articles().first()

    assert NewsPage.objects.child_of(index_page).count() == 30
    assert newest.publication_date == timezone.localdate()
    assert newest.pk not in first_page_small
    assert set(index_page.articles()[:10].values_list("pk", flat=True)).isdisjoint(first_page_small)
    assert scale_urls(index_page)["urls"]["article"] == newest.url
