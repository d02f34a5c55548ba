"""Queries of every page type on the demo site, on the cold path and warm.

Cold: the first visit after a publish, which starts a new content generation, so that nothing
memoised (menus, snippets, routing, latest news…) and no stored page can be used. Warm: the page
cache off and the memo filled by an earlier visit, as on any page-cache miss between publishes.
"""

import math

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models.listing import ARTICLES_PER_PAGE
from pagecache.keys import bump_generation

pytestmark = pytest.mark.django_db

# Issue 18 asks for 15 (a publish keeps the answers about sites and private pages, which only a
# change to who may see what retires: pagecache/memo.py's per_language_and_visibility).
COLD_QUERY_BUDGET = 15
# Today's warm counts, with the headroom of test_query_budgets.py's targets.
WARM_QUERY_BUDGETS = {
    "home": 4,
    "news index": 6,
    "news index, last page": 6,
    "article": 6,
    "standard page": 4,
    "office": 4,
    "publications index": 4,
    "publication": 4,
    "search": 10,
    "complaint form": 4,
    "statement": 4,
}
PAGE_MODELS = {
    "home": "home.homepage",
    "news index": "news.newsindexpage",
    "article": "news.newspage",
    "standard page": "institution.standardpage",
    "office": "institution.officepage",
    "publications index": "institution.publicationindexpage",
    "publication": "institution.publicationpage",
    "complaint form": "complaints.complaintpage",
    "statement": "accessibility.accessibilitystatementpage",
}


def url_of(page_type):
    """The demo's first live Azerbaijani page of a type, or the search and last listing page."""
    if page_type == "search":
        return "/az/search/?q=hesabat"
    if page_type == "news index, last page":
        index_url = url_of("news index")
        articles = apps.get_model("news.newspage").objects.live().filter(locale__language_code="az")
        return f"{index_url}?page={max(1, math.ceil(articles.count() / ARTICLES_PER_PAGE))}"
    model = apps.get_model(PAGE_MODELS[page_type])
    page = model.objects.live().filter(locale__language_code="az").order_by("path").first()
    return page.url


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("page_type", sorted(WARM_QUERY_BUDGETS))
def test_the_first_visit_after_a_publish_stays_within_the_cold_budget(
    client, demo_content, page_cache, page_type
):
    url = url_of(page_type)
    client.get(url)  # image renditions made, templates loaded: what any earlier visit did
    bump_generation(visibility=False)  # a publish: every memo of content, every stored page gone

    queries = queries_of(client, url)

    assert len(queries) <= COLD_QUERY_BUDGET, f"{len(queries)} queries:\n" + "\n".join(queries)


@pytest.mark.parametrize("page_type", sorted(WARM_QUERY_BUDGETS))
def test_on_the_database_cache_the_first_visit_after_a_publish_stays_within_the_budget(
    client, demo_content, database_cache, page_cache, page_type
):
    """Production without Redis: the page cache's own reads and writes are statements too
    (the generation with the stored page, the render claim, the store), within the budget."""
    url = url_of(page_type)
    client.get(url)  # stored: the visit after the publish finds an older page and claims
    bump_generation(visibility=False)

    # The test's transaction puts each cache write in a savepoint, which is not counted.
    queries = [
        sql for sql in queries_of(client, url) if not sql.startswith(("SAVEPOINT", "RELEASE"))
    ]

    assert len(queries) <= COLD_QUERY_BUDGET, f"{len(queries)} queries:\n" + "\n".join(queries)


@pytest.mark.parametrize("page_type", sorted(WARM_QUERY_BUDGETS))
def test_a_render_with_the_memo_warm_stays_within_its_budget(
    client, demo_content, settings, page_type
):
    settings.PAGE_CACHE_ENABLED = False
    url = url_of(page_type)
    client.get(url)

    queries = queries_of(client, url)

    assert len(queries) <= WARM_QUERY_BUDGETS[page_type], "\n".join(queries)
