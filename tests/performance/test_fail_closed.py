"""Privacy and freshness fail closed: a cache that missed a purge cannot keep a private page public
or a change hidden for longer than its bound, and the generation never lives only in the cache."""

import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from bench.content import home_page
from core import routing
from core.visibility import any_view_restrictions
from pagecache import purge
from pagecache.generation import GENERATION_COPY_KEY, current_generation, generation_of_record
from pagecache.memo import NOT_CACHED, LocalAnswers
from pagecache.serving import serving_public_site

pytestmark = pytest.mark.django_db


def make_private_without_a_purge(page):
    """A restriction that no signal announced: the purge is lost (a crash, a raw SQL fix)."""
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)]
    )


def test_outside_the_public_serving_path_restrictions_are_always_read(article, page_cache):
    with serving_public_site():
        assert any_view_restrictions() is False  # memoised: no page is private
    make_private_without_a_purge(article)

    # The admin's privacy dialog, page copies and aliases never take the memo's word for it.
    assert article.get_view_restrictions().count() == 1
    assert list(Page.objects.filter(pk=article.pk).public()) == []


def test_a_lost_privacy_purge_heals_within_the_memo_bound(client, settings, article, page_cache):
    settings.FRAGMENT_CACHE_SECONDS = 0.3
    settings.PAGE_CACHE_ENABLED = False
    assert client.get(article.url).status_code == 200
    make_private_without_a_purge(article)

    time.sleep(0.35)

    response = client.get(article.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_privacy_changes_are_visible_at_commit_even_if_the_cache_copy_is_lost(
    client, article, page_cache, monkeypatch
):
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    # The cache does not take the purge (Redis down): only the database knows.
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: False)
    monkeypatch.setattr(cache, "delete", lambda *args, **kwargs: False)

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    purge.after_commit()
    monkeypatch.undo()
    cache.delete(GENERATION_COPY_KEY)  # the copy expired (GENERATION_COPY_SECONDS)

    assert client.get(article.url).status_code == 302


def test_a_stale_generation_copy_is_trusted_no_longer_than_its_bound(settings, minimal_site):
    settings.GENERATION_COPY_SECONDS = 1
    stale = current_generation()
    home = home_page("az")
    home.title = "Changed while the cache could not be written"
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(cache, "delete", lambda *args, **kwargs: False)
        home.save_revision().publish()
    assert current_generation() == stale  # the copy still says the old number...

    time.sleep(1.05)

    assert current_generation() == generation_of_record() > stale  # ...for a second at most


def test_clearing_or_culling_the_cache_never_starts_a_new_generation(page_cache, minimal_site):
    before = current_generation()

    cache.clear()

    assert current_generation() == before


def test_the_database_cache_culls_pages_never_the_generation(settings, client, news_site):
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.dbcache.DatabaseCache",
            "LOCATION": "pagecache_cull_test",
            "OPTIONS": {"MAX_ENTRIES": 6, "CULL_FREQUENCY": 2, "CULL_CHECK_WRITES": 1},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    call_command("createcachetable", verbosity=0)
    before = current_generation()

    for article in news_site["articles"]:
        assert client.get(article.url).status_code == 200  # each fills the cache past its limit
        assert current_generation() == before

    from django.core.cache import caches

    assert caches["default"].get(GENERATION_COPY_KEY) in (None, before)
    assert generation_of_record() == before


def test_memoised_answers_expire_in_each_process():
    answers = LocalAnswers("memo")
    answers.set(7, "menu", "old menu", seconds=0.05)
    assert answers.get(7, "menu") == "old menu"

    time.sleep(0.06)

    assert answers.get(7, "menu") is NOT_CACHED


def test_the_routing_memo_steps_aside_when_the_page_moved_without_a_purge(news_site, page_cache):
    from django.utils import translation

    article = news_site["articles"][0]
    path = article.url.removeprefix("/az/")
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get(article.url)
    with translation.override("az"):
        assert routing.fast_route(request, site, path)[0].pk == article.pk
        # Renamed behind the memo's back (no signal): the memo still names the article there.
        Page.objects.filter(pk=article.pk).update(
            slug="renamed", url_path=article.url_path.replace(article.slug, "renamed")
        )
        assert routing.fast_route(request, site, path) is NotImplemented
        assert Page.route_for_request(request, path) is None


def restriction_answers(pages):
    return {page.pk: sorted(r.pk for r in page.get_view_restrictions()) for page in pages}


def test_the_privacy_shortcut_answers_as_wagtail_on_every_page(news_site, page_cache):
    """Wagtail's own check (outside the serving path) and the shortcut agree on every page,
    with no private page and with one."""
    pages = list(Page.objects.filter(depth__gt=1).specific())
    for make_private in (False, True):
        if make_private:
            PageViewRestriction.objects.create(
                page=news_site["index"], restriction_type=PageViewRestriction.LOGIN
            )
        wagtail_answer = restriction_answers(pages)
        with serving_public_site():
            assert restriction_answers(pages) == wagtail_answer
        with serving_public_site():
            listed = set(routing_public_pks())
        assert listed == set(Page.objects.live().public().values_list("pk", flat=True))


def routing_public_pks():
    from core.visibility import public

    return public(Page.objects.live()).values_list("pk", flat=True)
