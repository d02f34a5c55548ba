"""After a publish, one request renders a page while the others get the version stored before it;
never after a change to who may see what, and never when the cache or the database cannot vouch.

Concurrency is made deterministic: the second request is sent from inside the first one's
render, exactly when a real concurrent request would find the render claimed.
"""

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from pagecache import middleware as page_cache_middleware
from pagecache.middleware import PageCacheMiddleware

pytestmark = pytest.mark.django_db

OLD_TEXT = "What visitors saw before the publish"


class Renders:
    """A view that counts its renders and, during the first one, lets another request in."""

    def __init__(self, during_first_render=None):
        self.count = 0
        self.during_first_render = during_first_render
        self.answers_meanwhile = []

    def __call__(self, request):
        self.count += 1
        if self.count == 1 and self.during_first_render:
            self.answers_meanwhile.append(self.during_first_render())
        return HttpResponse(f"<p>Render number {self.count}</p>" * 20)


def serve_through_cache(view, url):
    return PageCacheMiddleware(view)(RequestFactory().get(url))


def stored_before_a_change(url):
    """The page stored by a first visit, under the generation before the change."""
    serve_through_cache(lambda request: HttpResponse(f"<p>{OLD_TEXT}</p>" * 20), url)


def publish_content(article):
    article.title = "A new title"
    article.save_revision().publish()


def rendered_once_while_the_older_page_answered(renders, url):
    """A request renders the page once; the request meanwhile gets the older page, for a moment
    only (no proxy or CDN may keep it); afterwards the new render is stored."""
    first = serve_through_cache(renders, url)

    assert renders.count == 1
    meanwhile = renders.answers_meanwhile[0]
    assert meanwhile["X-Page-Cache"] == "stale"
    assert OLD_TEXT in meanwhile.content.decode()
    assert meanwhile["Cache-Control"] == "private, no-cache"
    assert first["X-Page-Cache"] == "miss"
    after = serve_through_cache(renders, url)
    assert after["X-Page-Cache"] == "hit"
    assert "Render number 1" in after.content.decode()
    assert renders.count == 1


def test_requests_during_the_render_after_a_publish_get_the_previous_page(page_cache, article):
    stored_before_a_change(article.url)
    publish_content(article)
    renders = Renders(lambda: serve_through_cache(renders, article.url))

    rendered_once_while_the_older_page_answered(renders, article.url)


def test_the_render_claim_lasts_the_configured_seconds_at_most(
    page_cache, article, settings, monkeypatch
):
    settings.PAGE_CACHE_STALE_SECONDS = 3
    claims = []
    add = page_cache.add

    def recording_add(key, value, timeout, **kwargs):
        if ":render:" in key:
            claims.append(timeout)
        return add(key, value, timeout, **kwargs)

    monkeypatch.setattr(page_cache, "add", recording_add)
    stored_before_a_change(article.url)
    publish_content(article)

    serve_through_cache(Renders(), article.url)

    assert claims == [3]


@pytest.mark.parametrize("change", ["made private", "unpublished", "moved out of reach"])
def test_after_a_change_of_who_sees_what_nothing_older_is_served(page_cache, news_site, change):
    article = news_site["articles"][0]
    stored_before_a_change(article.url)
    if change == "made private":
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    elif change == "unpublished":
        article.unpublish()
    else:
        article.move(news_site["articles"][1], pos="last-child")
    renders = Renders(lambda: serve_through_cache(renders, article.url))

    serve_through_cache(renders, article.url)

    assert renders.count == 2  # the request meanwhile rendered for itself
    assert renders.answers_meanwhile[0]["X-Page-Cache"] == "miss"
    assert OLD_TEXT not in renders.answers_meanwhile[0].content.decode()


def test_a_private_page_is_never_served_from_an_older_copy(client, page_cache, article):
    """The real site: the article was cached public; after it is made private, an anonymous
    visitor arriving while another request renders it is sent to sign in."""
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    answers = []
    visited = []

    from wagtail import hooks

    def visit_meanwhile(page, request, serve_args, serve_kwargs):
        if not visited:
            visited.append(True)
            answers.append(client.get(article.url))

    with hooks.register_temporarily("before_serve_page", visit_meanwhile, order=-100):
        first = client.get(article.url)

    assert first.status_code == 302
    assert answers and answers[0].status_code == 302
    assert answers[0]["X-Page-Cache"] != "stale"


def test_when_the_database_cannot_say_what_is_visible_nothing_older_is_served(
    page_cache, article, monkeypatch
):
    stored_before_a_change(article.url)
    publish_content(article)
    monkeypatch.setattr(page_cache_middleware, "visible_from", lambda: None)
    renders = Renders(lambda: serve_through_cache(renders, article.url))

    serve_through_cache(renders, article.url)

    assert renders.count == 2
    assert renders.answers_meanwhile[0]["X-Page-Cache"] == "miss"


def test_when_the_cache_cannot_claim_a_render_each_request_renders(
    page_cache, article, monkeypatch
):
    """A failing cache (Redis down: django-redis answers None) never makes a request wait
    for, or stand in for, a render nobody is known to be doing."""
    stored_before_a_change(article.url)
    publish_content(article)
    monkeypatch.setattr(caches["default"], "add", lambda *args, **kwargs: None)
    renders = Renders(lambda: serve_through_cache(renders, article.url))

    serve_through_cache(renders, article.url)

    assert renders.count == 2
    assert renders.answers_meanwhile[0]["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("failure", ["an error page", "an exception"])
def test_a_failed_render_stops_the_older_page_standing_in(page_cache, article, failure):
    stored_before_a_change(article.url)
    publish_content(article)

    def failing(request):
        if failure == "an exception":
            raise RuntimeError("the template broke")
        return HttpResponse("Server error", status=500)

    if failure == "an exception":
        with pytest.raises(RuntimeError):
            serve_through_cache(failing, article.url)
    else:
        serve_through_cache(failing, article.url)
    renders = Renders()
    after = serve_through_cache(renders, article.url)

    assert renders.count == 1
    assert after["X-Page-Cache"] == "miss"


class Clock:
    """The middleware's clock, moved forward by hand."""

    def __init__(self):
        import time

        self.now = time.time()

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(page_cache_middleware, "time", clock)
    return clock


def test_when_a_busy_page_is_out_of_time_one_request_renders_it_anew(
    page_cache, article, settings, clock
):
    """No publish, only the page's time up: the requests meanwhile get the page stored (of the
    same generation), so that a page's expiry never sends every visitor to render it at once."""
    stored_before_a_change(article.url)
    clock.now += settings.PAGE_CACHE_SECONDS + 1
    renders = Renders(lambda: serve_through_cache(renders, article.url))

    rendered_once_while_the_older_page_answered(renders, article.url)


def test_a_page_is_fresh_for_its_seconds_and_kept_as_long_again_to_stand_in(
    client, page_cache, article, settings, clock, monkeypatch
):
    """An article (which shows its view count) for PAGE_CACHE_COUNTED_SECONDS, other pages
    for PAGE_CACHE_SECONDS; each kept twice that long."""
    stored = []
    set_entry = page_cache.set

    def recording_set(key, value, timeout, **kwargs):
        if isinstance(value, dict) and "fresh_until" in value:
            stored.append((timeout, value["fresh_until"] - clock.now))
        return set_entry(key, value, timeout, **kwargs)

    monkeypatch.setattr(page_cache, "set", recording_set)
    home = article.get_parent().get_parent()

    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(home.url)["X-Page-Cache"] == "miss"

    counted, other = settings.PAGE_CACHE_COUNTED_SECONDS, settings.PAGE_CACHE_SECONDS
    assert stored == [(2 * counted, counted), (2 * other, other)]
    clock.now += counted - 1
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    clock.now += 2
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(home.url)["X-Page-Cache"] == "hit"


def test_each_expiry_is_claimed_once(page_cache, article, settings, clock):
    """The next time the page is out of time, one request renders it again (the claim of the
    previous expiry does not stop it), and the others get the page meanwhile."""
    stored_before_a_change(article.url)
    for expiry in (1, 2):
        clock.now += settings.PAGE_CACHE_SECONDS + 1
        renders = Renders()
        renders.during_first_render = lambda view=renders: serve_through_cache(view, article.url)
        first = serve_through_cache(renders, article.url)
        assert first["X-Page-Cache"] == "miss", expiry
        assert renders.count == 1
        assert renders.answers_meanwhile[0]["X-Page-Cache"] == "stale"


def test_an_out_of_time_page_is_not_served_when_the_cache_cannot_claim_its_render(
    page_cache, article, settings, clock, monkeypatch
):
    stored_before_a_change(article.url)
    clock.now += settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(caches["default"], "add", lambda *args, **kwargs: None)
    renders = Renders(lambda: serve_through_cache(renders, article.url))

    serve_through_cache(renders, article.url)

    assert renders.count == 2
    assert renders.answers_meanwhile[0]["X-Page-Cache"] == "miss"
    assert OLD_TEXT not in renders.answers_meanwhile[0].content.decode()
