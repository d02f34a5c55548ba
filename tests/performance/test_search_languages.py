"""PostgreSQL search stems each language with its own configuration (skipped on SQLite)."""

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale

from bench.content import create_articles, ensure_news_index
from news.models import NewsPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the per-language search runs on PostgreSQL"
    ),
]


def article_in(language_code, title, summary):
    article = create_articles(ensure_news_index(language_code), 1)[0]
    article.title, article.summary = title, summary
    article.save_revision().publish()
    return article


def search(language_code, query):
    locale = Locale.objects.get(language_code=language_code)
    with translation.override(language_code):
        return list(NewsPage.objects.live().filter(locale=locale).search(query))


def test_english_words_are_found_by_another_form(minimal_site):
    article = article_in("en", "Monitoring visit", "The office published its reports on prisons.")

    assert article in search("en", "report")
    assert article in search("en", "publishing")


def test_russian_words_are_found_by_another_form(minimal_site):
    article = article_in("ru", "Мониторинговый визит", "Омбудсмен представил доклады о тюрьмах.")

    assert article in search("ru", "доклад")
    assert article in search("ru", "тюрьма")


def test_azerbaijani_is_matched_without_a_foreign_stemmer(minimal_site):
    article = article_in("az", "Monitorinq səfəri", "Ombudsman həbsxanalar haqqında məruzə verdi.")

    assert article in search("az", "məruzə")
