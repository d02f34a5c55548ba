"""After any change, the front-end cache (CDN) is told to drop every live page of the site, in
batches: every page embeds the menu, so no page can be left out."""

from types import SimpleNamespace

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page

from home.models import Hotline
from pagecache import purge

pytestmark = pytest.mark.django_db

purged_batches = []


class RecordingBackend(BaseBackend):
    """A front-end cache that records what it is asked to drop."""

    def purge(self, url):
        purged_batches.append([url])

    def purge_batch(self, urls):
        purged_batches.append(list(urls))


@pytest.fixture
def frontend_cache(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.test_frontend_purge.RecordingBackend"}
    }
    settings.FRONTEND_PURGE_BATCH_SIZE = 4
    purged_batches.clear()
    yield purged_batches
    purged_batches.clear()


def test_a_snippet_change_purges_every_live_page_after_the_commit(
    frontend_cache, news_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        hotline = Hotline.objects.get(locale__language_code="az")
        hotline.number = "+994 12 222 22 22"
        hotline.save()
        assert frontend_cache == []  # nothing leaves before the commit

    for callback in callbacks:
        callback()  # the commit
    if purge.after_commit not in callbacks:
        purge.after_commit()  # already due at the test's own commit (the fixtures' changes)

    purged = [url for batch in frontend_cache for url in batch]
    live_pages = Page.objects.live().filter(depth__gt=1).specific()
    expected = {page.get_full_url() for page in live_pages}
    assert expected <= set(purged)
    index_url = news_site["index"].get_full_url()
    assert {index_url + "rss/", index_url + "atom/"} <= set(purged)
    assert any(url.endswith("/sitemap.xml") for url in purged)
    assert max(len(batch) for batch in frontend_cache) <= 4
    assert len(purged) > 4  # and so in several batches


def test_without_a_front_end_cache_nothing_is_queued(news_site, settings, monkeypatch):
    from pagecache import frontend

    settings.WAGTAILFRONTENDCACHE = {}
    queued = []
    monkeypatch.setattr(
        frontend, "purge_frontend_cache", SimpleNamespace(enqueue=lambda: queued.append(1))
    )

    purge.after_commit()

    assert queued == []
