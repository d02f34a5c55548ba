"""Search never answers 5xx, whatever a visitor types: on SQLite (FTS5) and, when DATABASE_URL
names one, on PostgreSQL (the same tests run on whichever database the suite uses)."""

import itertools
import random

import pytest
from django.db import DatabaseError

from search import views

pytestmark = pytest.mark.django_db

# Search syntax of FTS5, tsquery, Wagtail and SQL; quotes of every kind; scripts and marks.
NASTY = [
    '"',
    '""',
    '"unclosed phrase',
    "'",
    "`",
    "«»",
    "„“",
    "*",
    "rights*",
    "^start",
    "NEAR(a b)",
    "a NEAR/2 b",
    "AND",
    "OR",
    "NOT",
    "a AND OR NOT b",
    "title:rights",
    "-minus",
    "+plus",
    "a & b | !c",
    "a <-> b",
    "a:* & b:B",
    "(",
    ")",
    "((a)",
    "{}[]",
    "\\",
    "\\\\'",
    "%",
    "_",
    "%_%",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "Şəhər, İnsan hüquqları!",
    "Права человека?",
    "ﷺ",
    "🙂 emoji",
    "e\u0301",
    "\u200b",
    "\ufeff",
    "a" * 200,
    "ab " * 66,
    " ".join(["x"] * 100),
    "\u202e reversed",
    "\U0001f600" * 50,
]


def random_queries(count=60, seed=14):
    """Random mixes of syntax characters and letters, the same on every run."""
    alphabet = "\"'*()^:-+&|!<>{}[]\\%_~@#$;,./?=ŞəИж 0123456789abcNEARANDORNOT"
    generator = random.Random(seed)
    return [
        "".join(generator.choice(alphabet) for _ in range(generator.randint(1, 40)))
        for _ in range(count)
    ]


@pytest.fixture
def searchable_site(db):
    from bench.content import build_minimal_site, create_articles, ensure_news_index

    build_minimal_site()
    return {"articles": create_articles(ensure_news_index("az"), 3)}


@pytest.mark.parametrize("language", ["az", "en"])
def test_no_query_ever_answers_5xx(client, searchable_site, language):
    failures = {}
    for query in itertools.chain(NASTY, random_queries()):
        response = client.get(f"/{language}/search/", {"q": query})
        if response.status_code >= 500 or response.status_code not in (200, 400):
            failures[query] = response.status_code
    assert failures == {}


def test_a_double_quote_is_searched_as_nothing_and_answers(client, searchable_site):
    response = client.get("/en/search/?q=%22")

    assert response.status_code == 200
    assert b"search-results-heading" in response.content


def test_words_around_syntax_are_still_found(client, searchable_site):
    title = searchable_site["articles"][0].title  # "Monitoring visit 0"
    word = title.split()[0]

    response = client.get("/az/search/", {"q": f'"{word}*) AND ('})

    assert response.status_code == 200
    assert title in response.content.decode()


def test_a_backend_that_refuses_a_query_gives_a_clear_400(client, searchable_site, monkeypatch):
    def refusing(query, locale):
        class Refused:
            def __getitem__(self, key):
                return self

            def __iter__(self):
                raise DatabaseError("fts5: syntax error near something")

        return Refused()

    monkeypatch.setattr(views, "search_language_pages", refusing)

    response = client.get("/en/search/", {"q": "rights"})

    assert response.status_code == 400
    assert "We could not search for that." in response.content.decode()
