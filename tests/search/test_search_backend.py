"""The search backend: chosen per database; the SQLite shortcut keeps modelsearch's answer."""

import pytest
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from bench.content import build_minimal_site, create_articles, ensure_news_index

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 backend")

TEXTS = [
    ("Prison monitoring", "The Ombudsman visited the prison. Prison conditions were reviewed."),
    ("Report on prisons", "An annual report on the rights of detainees in prison."),
    ("Monitoring visit", "A monitoring visit to a children's home in Ganja."),
    ("Hotline", "The hotline answered questions about detention and prison visits."),
    ("Report", "A report."),
    ("Consultation", "Consultation on the rights of persons with disabilities."),
]


@pytest.fixture
def varied_articles(db):
    """Articles whose texts match the same words in different measure, plus identical ones."""
    build_minimal_site()
    index_page = ensure_news_index("az")
    articles = create_articles(index_page, len(TEXTS) + 4, images=0)
    for article, (title, summary) in zip(articles, TEXTS, strict=False):
        article.title, article.summary = title, summary
        article.save_revision().publish()
    return articles


def ranked(backend, query, queryset, start, stop):
    results = backend.search(query, queryset).annotate_score("score")[start:stop]
    return [(page.pk, page.score) for page in results]


@on_sqlite
def test_the_sqlite_backend_ranks_hits_in_one_full_text_search():
    from config.search_backend.sqlite import RankedSQLiteSearchBackend

    assert isinstance(get_search_backend(), RankedSQLiteSearchBackend)


@on_sqlite
def test_the_bounded_sqlite_ranking_gives_modelsearchs_own_order_and_scores(varied_articles):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    ours, stock = get_search_backend(), SQLiteSearchBackend({})
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="az"))
    reports = pages.filter(title__startswith="Report")

    for query in ("prison", "report", "monitoring visit", "commissioner", "rights prison", "none"):
        for queryset, start, stop in (
            (pages, 0, 3),
            (pages, 0, 50),
            (pages, 2, 5),
            (pages, 1, None),
            (reports, 0, 10),
        ):
            assert ranked(ours, query, queryset, start, stop) == ranked(
                stock, query, queryset, start, stop
            ), (query, start, stop)
        assert ours.search(query, pages).count() == stock.search(query, pages).count()
