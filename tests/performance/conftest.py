"""Fixtures of the performance tests: a site with news, the page cache switched on and empty."""

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command

from bench.content import build_minimal_site, create_articles, ensure_news_index


@pytest.fixture
def page_cache(settings):
    """The page cache on (as in production) and empty; yields the cache it uses."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def minimal_site(db):
    """Home pages in az, en and ru: the demo's first builders, without its many pages."""
    return build_minimal_site()


@pytest.fixture
def news_site(minimal_site):
    """An az news index holding a dozen articles with images and categories."""
    index_page = ensure_news_index("az")
    articles = create_articles(index_page, 12)
    return {"index": index_page, "articles": articles}


@pytest.fixture
def article(minimal_site):
    """One live article with a lead image and a category."""
    return create_articles(ensure_news_index("az"), 1)[0]


READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def reader_client(client):
    """A test client that presents itself as a person's browser."""
    client.defaults["HTTP_USER_AGENT"] = READER
    return client


@pytest.fixture
def database_cache(settings):
    """The production default without Redis: the database cache, renditions in memory."""
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.dbcache.DatabaseCache",
            "LOCATION": "django_cache",
        },
        "renditions": settings.RENDITION_CACHE,
    }
    call_command("createcachetable", verbosity=0)
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()
