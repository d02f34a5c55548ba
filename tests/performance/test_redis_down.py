"""A dead Redis never takes the site down: every cache call becomes a miss, pages still render."""

import socket

import pytest
from django.core.cache import cache

from news.models import ArticleViewCount

pytestmark = pytest.mark.django_db


def closed_loopback_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_redis(settings):
    """The production cache configuration, pointed at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_loopback_port()}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    assert cache.get("anything") is None  # the dead cache answers, with a miss


def test_pages_render_and_visits_count_while_redis_is_down(dead_redis, reader_client, news_site):
    article = news_site["articles"][0]

    for url in ["/az/", news_site["index"].url, article.url, article.url]:
        response = reader_client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss"

    assert ArticleViewCount.objects.get(page_id=article.pk).count == 2


def test_editors_can_publish_while_redis_is_down(dead_redis, client, news_site):
    article = news_site["articles"][0]
    article.title = "Published during a cache outage"

    article.save_revision().publish()

    assert "Published during a cache outage" in client.get(article.url).content.decode()
