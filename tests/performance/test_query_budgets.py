"""SQL queries per page: listings cost the same however many articles they show (no N+1), and
every page type stays within its budget.

Rendering is measured with the page cache off (a cached page costs no query at all) and warm
(image renditions already made by an earlier visit).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.content import create_articles, ensure_categories, ensure_news_index

pytestmark = pytest.mark.django_db

# The targets for an article (10) and the home page (12), and today's counts with a little
# headroom for the others: a change that adds queries to a page type fails here. An article's
# count includes writing its visit at once (the test settings do not batch visits).
QUERY_BUDGETS = {"article": 10, "home": 12, "news_index": 12, "search": 10, "feed": 8}


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


def queries_for(client, url):
    """Queries of a warm render of `url`, after one visit has made its image renditions."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


def listing_urls(index_page):
    return {
        "home": "/az/",
        "news_index": index_page.url,
        "feed": index_page.url + "rss/",
        "search": "/az/search/?q=visit",
        "sitemap": "/sitemap.xml",
    }


def test_listings_cost_the_same_for_3_or_12_articles(client, uncached, minimal_site):
    index_page = ensure_news_index("az")
    create_articles(index_page, 3)
    few = {name: queries_for(client, url) for name, url in listing_urls(index_page).items()}

    create_articles(index_page, 9, start=3)
    many = {name: queries_for(client, url) for name, url in listing_urls(index_page).items()}

    grown = {
        name: (len(few[name]), len(many[name])) for name in few if len(many[name]) > len(few[name])
    }
    assert grown == {}, "\n".join(many[name][-1] for name in grown)


def test_an_article_costs_the_same_with_2_or_6_related_articles(client, uncached, minimal_site):
    index_page = ensure_news_index("az")
    first = create_articles(index_page, 1)[0]
    first.categories.set(ensure_categories(first.locale))
    first.save_revision().publish()
    create_articles(index_page, 2, start=1)
    with_two = queries_for(client, first.url)

    create_articles(index_page, 4, start=3)
    with_six = queries_for(client, first.url)

    assert len(with_six) <= len(with_two), "\n".join(with_six)


@pytest.mark.parametrize("page_type", ["article", "home", "news_index", "search", "feed"])
def test_each_page_type_stays_within_its_query_budget(client, uncached, news_site, page_type):
    urls = listing_urls(news_site["index"])
    urls["article"] = news_site["articles"][0].url

    queries = queries_for(client, urls[page_type])

    assert len(queries) <= QUERY_BUDGETS[page_type], "\n".join(queries)
