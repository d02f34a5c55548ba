"""Stored pages are compressed once and sent compressed to clients that accept gzip; nothing
that holds a per-visitor secret is compressed, by the application or by the shipped nginx."""

import gzip
import re

import pytest

from deploy.render_nginx import site_config
from pagecache import middleware as page_cache_middleware

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_a_stored_page_comes_compressed_to_clients_that_accept_gzip(client, page_cache, article):
    plain = client.get(article.url)
    compressed_miss = client.get(article.url + "?page=1", **GZIP)
    compressed_hit = client.get(article.url, **GZIP)

    assert compressed_hit["X-Page-Cache"] == "hit"
    assert compressed_hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed_hit.content) == plain.content
    assert int(compressed_hit["Content-Length"]) == len(compressed_hit.content)
    assert len(compressed_hit.content) < len(plain.content) / 2
    assert compressed_miss["Content-Encoding"] == "gzip"  # the render itself, too
    assert {"accept-encoding", "cookie"} <= vary(compressed_hit)


@pytest.mark.parametrize("accept_encoding", [None, "identity", "br", "gzip;q=0", "gzip; q=0.0"])
def test_clients_that_do_not_accept_gzip_get_the_plain_page(
    client, page_cache, article, accept_encoding
):
    headers = {"HTTP_ACCEPT_ENCODING": accept_encoding} if accept_encoding else {}
    client.get(article.url, **GZIP)  # stored, with its compressed copy

    response = client.get(article.url, **headers)

    assert response["X-Page-Cache"] == "hit"
    assert not response.has_header("Content-Encoding")
    assert b"<html" in response.content
    assert "accept-encoding" in vary(response)


def test_a_stored_page_is_compressed_once(client, page_cache, article, monkeypatch):
    compressions = []
    compress = gzip.compress
    monkeypatch.setattr(
        page_cache_middleware.gzip,
        "compress",
        lambda data, **kwargs: compressions.append(len(data)) or compress(data, **kwargs),
    )

    for _ in range(4):
        client.get(article.url, **GZIP)

    assert len(compressions) == 1


def test_a_page_with_a_csrf_token_is_never_compressed(client, page_cache, demo_content):
    from complaints.models import ComplaintPage

    form = ComplaintPage.objects.live().filter(locale__language_code="en").first()

    response = client.get(form.url, **GZIP)

    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")
    assert response["X-Page-Cache"] == "bypass"


def test_an_editors_page_is_never_compressed(client, page_cache, article, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)

    response = client.get(article.url, **GZIP)

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def location_blocks(config):
    """{location argument: its body}, for the top-level locations of the server block."""
    blocks = {}
    for match in re.finditer(r"^    location ([^{]+)\{", config, re.M):
        depth, index = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(config[index], 0)
            index += 1
        blocks[match.group(1).strip()] = config[match.end() : index]
    return blocks


def test_nginx_compresses_static_files_only():
    """nginx compresses every text/html answer once gzip is on, and cannot tell which hold a
    secret: it must leave what the application answers as it is."""
    config = site_config()
    locations = location_blocks(config)
    outside_locations = config
    for body in locations.values():
        outside_locations = outside_locations.replace(body, "")

    assert re.search(r"^\s*gzip off;", outside_locations, re.M)
    assert not re.search(r"^\s*gzip on;", outside_locations, re.M)
    for location, body in locations.items():
        if location != "/static/":
            assert "gzip on" not in body, location
    assert "gzip on;" in locations["/static/"]
