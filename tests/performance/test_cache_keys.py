"""Cache keys fold what cannot change a page: tracking parameters and spellings of the host name;
and no page shows the Host or port a request named."""

import pytest

pytestmark = pytest.mark.django_db


def cache_status(response):
    return response["X-Page-Cache"]


def test_tracking_parameters_share_the_page_and_never_reach_it(client, page_cache, article):
    assert cache_status(client.get(article.url)) == "miss"

    for query in ("?utm_source=mail&utm_campaign=x", "?fbclid=abc123", "?gclid=1&mc_eid=2"):
        response = client.get(article.url + query)
        assert cache_status(response) == "hit", query

    fresh_client_page = client.get(article.url + "?UTM_MEDIUM=x&fbclid=visitor-42", HTTP_HOST="x.y")
    assert b"visitor-42" not in fresh_client_page.content


def test_the_page_stored_for_a_campaign_link_holds_no_click_identifier(client, page_cache, article):
    first = client.get(article.url + "?fbclid=visitor-42&utm_source=mail")

    assert cache_status(first) == "miss"
    assert b"visitor-42" not in first.content and b"utm_source" not in first.content
    assert cache_status(client.get(article.url)) == "hit"


def test_other_parameters_still_make_their_own_entry(client, page_cache, news_site):
    index_url = news_site["index"].url
    client.get(index_url)

    assert cache_status(client.get(index_url + "?page=2&utm_source=x")) == "miss"
    assert cache_status(client.get(index_url + "?page=2")) == "hit"


@pytest.mark.parametrize("host", ["LOCALHOST", "localhost.", "Localhost.:80"])
def test_spellings_of_the_host_share_the_page(client, page_cache, article, host):
    client.get(article.url, HTTP_HOST="localhost")

    assert cache_status(client.get(article.url, HTTP_HOST=host)) == "hit"


def test_links_name_the_configured_site_never_the_requested_port(client, page_cache, article):
    from wagtail.models import Site

    root_url = Site.objects.get(is_default_site=True).root_url
    home = client.get("/az/", HTTP_HOST="localhost:8443").content.decode()
    sitemap = client.get("/sitemap.xml", HTTP_HOST="evil.example:81").content.decode()
    robots = client.get("/robots.txt", HTTP_HOST="evil.example:81").content.decode()

    assert f'hreflang="x-default" href="{root_url}/' in home
    assert ":8443" not in home
    assert "evil.example" not in sitemap and f"<loc>{root_url}/az/</loc>" in sitemap
    assert f"Sitemap: {root_url}/sitemap.xml" in robots
