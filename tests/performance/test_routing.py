"""Finding a page in two queries (core/routing.py) answers exactly as Wagtail's tree walk does."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from bench.content import create_articles, ensure_news_index
from core import routing

pytestmark = pytest.mark.django_db


def walked_route(path, language="az"):
    """Wagtail's own answer: the tree walked from the site's root, one level at a time."""
    from django.utils import translation

    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return Page.route_for_request(request, path)


def fast_route(path, language="az"):
    from django.utils import translation

    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return routing.fast_route(request, Site.objects.get(is_default_site=True), path)


def summary(route):
    if route is None or route is NotImplemented:
        return route
    page, args, kwargs = route
    return (type(page), page.pk, [getattr(arg, "__name__", arg) for arg in args], kwargs)


@pytest.fixture
def news(minimal_site):
    index_page = ensure_news_index("az")
    return {"index": index_page, "articles": create_articles(index_page, 3)}


def test_every_live_page_routes_as_wagtail_routes_it(news):
    pages = Page.objects.filter(depth__gt=2, locale__language_code="az").specific()
    assert len(pages) >= 4
    for page in pages:
        path = page.url.removeprefix("/az/")
        assert summary(fast_route(path)) == summary(walked_route(path)), page.url
        assert fast_route(path)[0].pk == page.pk


def test_a_home_page_routes_in_its_language(minimal_site):
    for language in ("az", "en", "ru"):
        page, _args, _kwargs = fast_route("", language)
        assert page.locale.language_code == language
        assert summary(fast_route("", language)) == summary(walked_route("", language))


def test_a_feed_is_answered_by_its_news_index(news):
    path = news["index"].url.removeprefix("/az/") + "rss/"
    page, (view, _args, _kwargs), _ = fast_route(path)
    assert page.pk == news["index"].pk
    assert view.__name__ == "rss_feed"
    assert summary(fast_route(path)) == summary(walked_route(path))


def test_unknown_paths_and_drafts_are_not_found(news):
    index_path = news["index"].url.removeprefix("/az/")
    draft = news["articles"][0]
    draft.unpublish()
    assert fast_route(index_path + "no-such-article/") in (None, NotImplemented)
    assert walked_route(index_path + "no-such-article/") is None
    assert fast_route(draft.url_path.split("/", 2)[2]) in (None, NotImplemented)


def test_an_article_whose_slug_is_a_route_of_its_index_is_left_to_wagtail(news):
    article = news["articles"][0]
    article.slug = "rss"
    article.save_revision().publish()
    path = news["index"].url.removeprefix("/az/") + "rss/"
    # Wagtail serves the index's feed there, and the shortcut must not serve the article.
    assert fast_route(path) is NotImplemented
    page, _args, _kwargs = walked_route(path)
    assert page.pk == news["index"].pk


def test_pages_are_served_through_the_shortcut(client, news, settings):
    settings.PAGE_CACHE_ENABLED = False
    article = news["articles"][1]

    response = client.get(article.url)

    assert response.status_code == 200
    assert response.wsgi_request.served_page.pk == article.pk
    assert client.get(news["index"].url + "rss/")["Content-Type"].startswith("application/rss")
    assert client.get(news["index"].url + "nothing-here/").status_code == 404


def test_making_a_page_private_takes_it_off_the_cached_public_site(client, news, page_cache):
    article = news["articles"][2]
    assert client.get(article.url).status_code == 200
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Staff only")[0])

    response = client.get(article.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]

    restriction.delete()
    assert client.get(article.url).status_code == 200


def test_made_up_addresses_are_not_kept_but_pages_are(news, page_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    site = Site.objects.get(is_default_site=True)
    index_path = news["index"].url.removeprefix("/az/")
    queries = {}
    with translation.override("az"):
        for path in (index_path, index_path + "made-up-address/"):
            request = RequestFactory().get(f"/az/{path}")
            routing.fast_route(request, site, path)  # the first time, the page is looked up
            with CaptureQueriesContext(connection) as second_time:
                routing.fast_route(request, site, path)
            queries[path] = [query["sql"] for query in second_time.captured_queries]

    # A page's address is kept: only the page itself is read.
    assert len(queries[index_path]) == 1
    # A made-up one is looked up again: the lookup, the index, its (missing) child.
    assert len(queries[index_path + "made-up-address/"]) == 3
