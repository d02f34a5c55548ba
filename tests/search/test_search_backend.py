"""The search backend: chosen per database; the SQLite shortcut keeps modelsearch's answer."""

import importlib
import sys

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from bench.content import build_minimal_site, create_articles, ensure_news_index
from news.models import NewsPage

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 backend")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the per-language search runs on PostgreSQL"
)


def modelsearch_namespaces():
    return {
        name: dict(vars(module))
        for name, module in list(sys.modules.items())
        if name.split(".")[0] == "modelsearch"
    }


def test_importing_the_backend_replaces_nothing_in_modelsearch():
    from modelsearch.backends.database.postgres import postgres

    our_modules = ["config.search_backend", "config.search_backend.postgres"]
    if connection.vendor == "sqlite":
        our_modules.append("config.search_backend.sqlite")
    modules = [importlib.import_module(name) for name in our_modules]
    before = modelsearch_namespaces()

    for module in modules:  # runs each module's code again: any assignment into modelsearch shows
        importlib.reload(module)

    after = modelsearch_namespaces()
    replaced = [
        f"{module}.{attribute}"
        for module, namespace in before.items()
        for attribute in namespace.keys() | after[module].keys()
        if namespace.get(attribute) is not after[module].get(attribute)
    ]
    assert replaced == []
    assert postgres.ObjectIndexer.__module__ == postgres.__name__


@on_postgresql
def test_one_batch_of_pages_in_three_languages_is_indexed_in_each_language(db):
    from config.search_backend.postgres import LanguageSearchBackend

    build_minimal_site()
    texts = {
        "az": "Ombudsman həbsxanalar haqqında məruzə verdi.",
        "en": "The office published its reports on prisons.",
        "ru": "Омбудсмен представил доклады о тюрьмах.",
    }
    articles = {
        language: create_articles(ensure_news_index(language), 1, start=number, images=0)[0]
        for number, language in enumerate(texts)
    }
    for language, article in articles.items():
        NewsPage.objects.filter(pk=article.pk).update(summary=texts[language])  # not indexed
    backend = get_search_backend()
    assert isinstance(backend, LanguageSearchBackend)
    unindexed = list(NewsPage.objects.filter(pk__in=[page.pk for page in articles.values()]))

    backend.add_bulk(NewsPage, unindexed)

    for language, word in (("en", "report"), ("ru", "тюрьма"), ("az", "məruzə")):
        with translation.override(language):
            locale = Locale.objects.get(language_code=language)
            found = NewsPage.objects.filter(locale=locale).search(word)
            assert [page.pk for page in found] == [articles[language].pk], language


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


def stock_ranked(backend, query, queryset, start, stop):
    """What modelsearch's own query for the same search and slice answers."""
    results = backend.search(query, queryset).annotate_score("score")[start:stop]
    return [(page.pk, page.score) for page in results.get_queryset()]


def test_a_ranked_slice_lists_what_the_backends_own_query_lists(varied_articles):
    backend = get_search_backend()
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="az"))

    for query in ("prison", "report", "monitoring visit", "commissioner", "rights prison", "none"):
        for start, stop in ((0, 3), (0, 50), (2, 5)):
            assert ranked(backend, query, pages, start, stop) == stock_ranked(
                backend, query, pages, start, stop
            ), (query, start, stop)


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


@on_sqlite
def test_beyond_max_ranked_hits_the_best_of_the_newest_hits_are_listed(varied_articles):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from wagtail.search.models import IndexEntry

    from config.search_backend.sqlite import RankedSQLiteSearchBackend

    ours, stock = RankedSQLiteSearchBackend({"MAX_RANKED_HITS": 3}), SQLiteSearchBackend({})
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="az"))
    matching = [str(page.pk) for page in stock.search("commissioner", pages)]
    assert len(matching) > 3
    newest = IndexEntry.objects.filter(object_id__in=matching).order_by("-pk")
    newest_three = [int(key) for key in newest.values_list("object_id", flat=True)[:3]]

    assert ranked(ours, "commissioner", pages, 0, 10) == ranked(
        stock, "commissioner", pages.filter(pk__in=newest_three), 0, 10
    )


@pytest.mark.django_db
def test_autocomplete_is_left_to_the_backend_and_answers():
    """The admin's page search autocompletes through the backend's own compiler, which does not
    rank a bounded slice: it must still answer (it raised before)."""
    from wagtail.models import Page

    results = list(Page.objects.autocomplete("Welc")[:10])
    assert isinstance(results, list)
