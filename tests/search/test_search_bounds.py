"""Search at scale: a bounded, ranked result set, never a count of every hit, never a private page.

These run on whichever database the suite uses (SQLite, or PostgreSQL through DATABASE_URL).
"""

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from bench.content import build_minimal_site, create_articles, ensure_news_index
from search import views

pytestmark = pytest.mark.django_db
ARTICLE_NUMBERS = itertools.count(1000)  # distinct slugs for articles made one by one


def result_titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.text)


def article_in(language_code, title, summary):
    """A live article of `language_code` with its own title and summary."""
    article = create_articles(
        ensure_news_index(language_code), 1, start=next(ARTICLE_NUMBERS), images=0
    )[0]
    article.title, article.summary = title, summary
    article.save_revision().publish()
    return article


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (the suite's autouse fixture empties it)."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def six_matches(db):
    """Six az articles saying "Commissioner" in their summary."""
    build_minimal_site()
    return create_articles(ensure_news_index("az"), 6, images=0)


def test_beyond_the_limit_the_heading_says_more_than_and_pages_stay_within_it(
    client, six_matches, monkeypatch
):
    monkeypatch.setattr(views, "RESULTS_LIMIT", 5)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)

    first = client.get("/az/search/", {"q": "commissioner"})

    assert first.status_code == 200
    assert "5 nəticədən çox" in first.text
    assert "Yalnız ən uyğun nəticələr göstərilir." in first.text
    assert len(result_titles(first)) == 2
    last = client.get("/az/search/", {"q": "commissioner", "page": "3"})
    assert len(result_titles(last)) == 1
    assert client.get("/az/search/", {"q": "commissioner", "page": "4"}).status_code == 404
    listed = [
        title
        for page in ("1", "2", "3")
        for title in result_titles(client.get("/az/search/", {"q": "commissioner", "page": page}))
    ]
    assert len(set(listed)) == 5


def test_the_more_than_heading_uses_each_languages_plural_forms(client, monkeypatch):
    build_minimal_site()
    for language in ("en", "ru"):
        create_articles(ensure_news_index(language), 3, images=0)
    monkeypatch.setattr(views, "RESULTS_LIMIT", 2)

    english = client.get("/en/search/", {"q": "commissioner"})
    russian = client.get("/ru/search/", {"q": "commissioner"})

    assert "More than 2 results for “commissioner”" in english.text
    assert "Only the best matches are listed." in english.text
    assert "Более 2 результатов по запросу «commissioner»" in russian.text


def test_as_many_matches_as_the_limit_are_counted_exactly(client, six_matches, monkeypatch):
    monkeypatch.setattr(views, "RESULTS_LIMIT", 6)

    response = client.get("/az/search/", {"q": "commissioner"})

    assert "“commissioner” üzrə 6 nəticə" in response.text
    assert "nəticədən çox" not in response.text
    assert "Yalnız ən uyğun" not in response.text


def test_a_search_reads_the_index_once_with_a_limit_and_never_counts(client, six_matches):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/az/search/", {"q": "commissioner"})

    assert len(result_titles(response)) == 6
    index_reads = [query["sql"] for query in queries if "indexentry" in query["sql"].lower()]
    assert len(index_reads) == 1, index_reads
    ranking = index_reads[0]
    assert "COUNT(" not in ranking.upper()
    if connection.vendor == "sqlite":
        # One full-text search scoring the newest hits only, not one more per hit for its score.
        assert ranking.count(" MATCH ") == 1, ranking
        assert f"LIMIT {get_search_backend().max_ranked_hits}" in ranking
    else:
        assert f"LIMIT {views.RESULTS_LIMIT + 1}" in ranking


def test_results_are_only_the_served_languages_best_first(client, db):
    build_minimal_site()
    once = article_in("en", "Regional reception", "The Ombudsman met residents of Ganja.")
    thrice = article_in("en", "Ganja office in Ganja", "Residents of Ganja met the Ombudsman.")
    article_in("ru", "Ganja", "Ganja Ganja")

    response = client.get("/en/search/", {"q": "Ganja"})

    assert result_titles(response) == [thrice.title, once.title]


class TestPrivatePages:
    """Neither a private page's title nor its summary shows, whatever cache answered first."""

    SECRET = "Kalbajar"

    @pytest.fixture
    def private_articles(self, db):
        build_minimal_site()
        restricted = article_in("az", f"{self.SECRET} hearing", f"{self.SECRET} witness names.")
        under_restricted_index = article_in("en", f"{self.SECRET} visit", f"{self.SECRET} cells.")
        article_in("az", "Public article", "Nothing to hide.")
        return {"az": restricted, "en": under_restricted_index}

    def restrict(self, private_articles):
        PageViewRestriction.objects.create(
            page=private_articles["az"], restriction_type="password", password="secret"
        )
        PageViewRestriction.objects.create(page=ensure_news_index("en"), restriction_type="login")

    def assert_nothing_private_shown(self, response):
        assert response.status_code == 200
        assert result_titles(response) == []
        for private_text in ("hearing", "witness names", "visit", "cells"):
            assert f"{self.SECRET} {private_text}" not in response.text

    def test_a_private_page_and_a_page_under_one_are_never_listed(
        self, client, private_articles, page_cache
    ):
        self.restrict(private_articles)

        for language in ("az", "en"):
            self.assert_nothing_private_shown(
                client.get(f"/{language}/search/", {"q": self.SECRET})
            )

    def test_a_page_made_private_after_a_search_is_no_longer_listed(
        self, client, private_articles, page_cache
    ):
        before = client.get("/az/search/", {"q": self.SECRET})
        assert result_titles(before) == [private_articles["az"].title]

        self.restrict(private_articles)

        for language in ("az", "en"):
            self.assert_nothing_private_shown(
                client.get(f"/{language}/search/", {"q": self.SECRET, "again": "1"})
            )
            self.assert_nothing_private_shown(
                client.get(f"/{language}/search/", {"q": self.SECRET})
            )
