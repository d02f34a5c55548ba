"""A small news site for tests: the home pages and the demo news builders, on a few articles.

Building the whole demo is slow, so test classes build it once in `setUpTestData` with only
the articles they need.
"""

import datetime
import sys

from django.contrib.auth import get_user_model

from core.demo import DemoContext, ensure_locales
from home.demo import build_home
from news.demo import build_article, build_categories, build_news_index
from news.demo_content.seed import SEED_ARTICLE
from news.models import NewsCategory, NewsPage


def build_news_site(articles=(SEED_ARTICLE,)):
    """Home pages, categories, news indexes and `articles` in az, en and ru; returns a dict."""
    user, _created = get_user_model().objects.get_or_create(
        username="news-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    context = DemoContext(user=user, locales=ensure_locales(), stdout=sys.stdout)
    build_home(context)
    categories = build_categories(context)
    indexes = build_news_index(context)
    pages = {
        article.slug: build_article(context, indexes["az"], article, categories)
        for article in articles
    }
    # No DemoContext here: test data is deep-copied for each test, and it holds an output stream.
    return {"user": user, "categories": categories, "indexes": indexes, "articles": pages}


def add_article(index, title, date, categories=(), tags=(), summary="A short summary."):
    """A plain published article (no translation), quick to make for listing tests."""
    slug = title.lower().replace(" ", "-")
    page = NewsPage(title=title, slug=slug, publication_date=date, summary=summary)
    page.categories = list(categories)
    index.add_child(instance=page)
    if tags:
        page.tags.set(list(tags))
        page.save()
    page.save_revision().publish()
    return page


def add_articles(index, count, year, category=None, prefix="Article"):
    """`count` articles dated in `year`, one a day from 1 March."""
    categories = [category] if category else []
    return [
        add_article(
            index, f"{prefix} {year} {number}", datetime.date(year, 3, 1 + number), categories
        )
        for number in range(count)
    ]


def category(slug, language_code):
    return NewsCategory.objects.get(slug=slug, locale__language_code=language_code)
