"""The full-page cache: anonymous visitors get stored pages, purged when editors change content."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory

from pagecache.middleware import CACHE_STATUS_HEADER, PageCacheMiddleware

pytestmark = pytest.mark.django_db


def cache_status(response):
    return response.get(CACHE_STATUS_HEADER)


def test_second_anonymous_visit_is_served_from_cache_without_queries(
    client, page_cache, article, django_assert_num_queries
):
    first = client.get(article.url)
    assert first.status_code == 200
    assert cache_status(first) == "miss"

    with django_assert_num_queries(0):
        second = client.get(article.url)

    assert cache_status(second) == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_tell_shared_caches_how_long_and_what_they_vary_on(
    client, page_cache, article
):
    response = client.get(article.url)

    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=" in cache_control
    assert "Cookie" in response["Vary"]
    assert client.get(article.url)["Cache-Control"] == cache_control


def test_each_query_string_is_its_own_entry(client, page_cache, news_site):
    index_url = news_site["index"].url
    client.get(index_url)

    other_page = client.get(index_url + "?page=2")

    assert cache_status(other_page) == "miss"
    assert cache_status(client.get(index_url + "?page=2")) == "hit"


def test_publishing_purges_the_article_and_the_pages_that_list_it(client, page_cache, news_site):
    article = news_site["articles"][0]
    index_url = news_site["index"].url
    listing_urls = [article.url, index_url, index_url + "rss/", "/az/", "/sitemap.xml"]
    for url in listing_urls:
        client.get(url)
    assert all(cache_status(client.get(url)) == "hit" for url in listing_urls)

    article.title = "Monitoring visit, corrected title"
    article.save_revision().publish()

    after = {url: client.get(url) for url in listing_urls}
    assert {url: cache_status(response) for url, response in after.items()} == dict.fromkeys(
        listing_urls, "miss"
    )
    for url in (article.url, index_url, index_url + "rss/"):
        assert "Monitoring visit, corrected title" in after[url].content.decode(), url


def test_unpublishing_removes_the_article_from_cached_listings(client, page_cache, news_site):
    article = news_site["articles"][0]
    index_url = news_site["index"].url
    assert article.title in client.get(index_url).content.decode()
    client.get(article.url)

    article.unpublish()

    assert client.get(article.url).status_code == 404
    assert article.title not in client.get(index_url).content.decode()


def test_deleting_a_page_purges_the_listings(client, page_cache, news_site):
    article = news_site["articles"][0]
    index_url = news_site["index"].url
    client.get(index_url)

    article.delete()

    response = client.get(index_url)
    assert cache_status(response) == "miss"
    assert article.title not in response.content.decode()


def test_a_preference_cookie_never_receives_another_variants_page(client, page_cache, article):
    standard = client.get(article.url)
    assert "text-100 theme-default" in standard.content.decode()

    client.cookies["site_preferences"] = "200.contrast"
    large_contrast = client.get(article.url)

    assert cache_status(large_contrast) == "miss"
    assert "text-200 theme-contrast" in large_contrast.content.decode()
    assert cache_status(client.get(article.url)) == "hit"

    client.cookies["site_preferences"] = "125.default"
    assert "text-125 theme-default" in client.get(article.url).content.decode()


def test_a_forged_preference_cookie_gets_the_standard_page(client, page_cache, article):
    client.get(article.url)
    client.cookies["site_preferences"] = "<script>.x"

    response = client.get(article.url)

    assert cache_status(response) == "hit"
    assert "text-100 theme-default" in response.content.decode()


def test_an_editor_never_gets_a_cached_page(client, page_cache, article):
    client.get(article.url)
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)

    response = client.get(article.url)

    assert cache_status(response) == "bypass"
    assert "private" in response["Cache-Control"]
    client.logout()


def test_an_editors_visit_is_not_stored_for_visitors(client, page_cache, article):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    client.get(article.url)
    client.logout()
    client.cookies.clear()

    assert cache_status(client.get(article.url)) == "miss"


def test_a_page_with_a_csrf_form_is_never_stored(client, page_cache, minimal_site):
    first = client.get("/en/preferences/")
    assert first.status_code == 200
    assert b"csrfmiddlewaretoken" in first.content

    second = client.get("/en/preferences/")

    assert cache_status(second) != "hit"
    assert b"csrfmiddlewaretoken" in second.content


def test_not_found_pages_are_not_stored(client, page_cache, minimal_site):
    client.get("/en/no-such-page/")

    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert cache_status(response) == "bypass"


def test_a_preview_is_never_stored(client, page_cache, article):
    article.title = "Draft title only an editor sees"
    preview = article.make_preview_request()
    assert "Draft title only an editor sees" in preview.content.decode()

    visitor_view = client.get(article.url)

    assert cache_status(visitor_view) == "miss"
    assert "Draft title only an editor sees" not in visitor_view.content.decode()


def test_the_admin_is_never_stored(client, page_cache, minimal_site):
    client.get("/admin/login/")

    assert cache_status(client.get("/admin/login/")) == "bypass"


def test_the_cache_can_be_switched_off(client, page_cache, settings, article):
    settings.PAGE_CACHE_ENABLED = False
    client.get(article.url)

    assert cache_status(client.get(article.url)) == "bypass"


def test_saving_a_snippet_shows_on_every_page_at_once(client, page_cache, article):
    from home.models import Hotline

    hotline = Hotline.objects.get(locale__language_code="az")
    assert hotline.number in client.get(article.url).content.decode()
    assert cache_status(client.get("/az/")) == "miss"

    hotline.number = "+994 12 000 00 00"
    hotline.save()

    for url in (article.url, "/az/"):
        response = client.get(url)
        assert cache_status(response) == "miss"
        assert "+994 12 000 00 00" in response.content.decode()


def test_site_furniture_is_looked_up_once_per_language(client, page_cache, news_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = news_site["articles"][:2]
    client.get(first.url)
    with CaptureQueriesContext(connection) as captured:
        client.get(second.url)

    assert not [q for q in captured.captured_queries if "home_hotline" in q["sql"]]


def test_csrf_runs_inside_the_page_cache_so_a_token_page_carries_its_cookie(
    page_cache, minimal_site, settings
):
    """A page that renders a CSRF token is refused by its cookie: Django's CSRF middleware sets
    it (and clears its own flag) before the page cache sees the response, so the order of the
    two middleware is what keeps a visitor's token out of the shared cache."""
    middleware = settings.MIDDLEWARE
    assert middleware.index("pagecache.middleware.PageCacheMiddleware") < middleware.index(
        "django.middleware.csrf.CsrfViewMiddleware"
    )

    def page_with_a_token(request):
        return HttpResponse(get_token(request))

    chain = PageCacheMiddleware(CsrfViewMiddleware(page_with_a_token))
    request = RequestFactory().get("/en/")
    first = chain(request)
    assert settings.CSRF_COOKIE_NAME in first.cookies

    second = chain(RequestFactory().get("/en/"))
    assert cache_status(second) != "hit"
    assert second.content != first.content
