"""Abuse: per-address rate limits (and what happens when the cache is down), oversized requests."""

import pytest
from django.core.cache import cache

from complaints import ratelimit
from complaints.models import Complaint
from tests.complaints.conftest import VALID_ANSWERS

pytestmark = pytest.mark.django_db


def test_too_many_complaints_from_one_address_get_an_accessible_429(
    client, complaint_site, settings
):
    settings.COMPLAINT_SUBMISSIONS_PER_HOUR = 2
    url = complaint_site.url("en")
    for _attempt in range(2):
        assert client.post(url, VALID_ANSWERS).status_code == 302
    response = client.post(url, {**VALID_ANSWERS, "what_happened": "Third time."})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store, private"
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'role="alert"' in html and "Too many forms were sent from your connection" in html
    assert "Third time." in html  # what the visitor typed is kept
    assert Complaint.objects.count() == 2
    # Another address is not affected.
    other = client.post(url, VALID_ANSWERS, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_the_rate_limit_keys_on_the_address_our_proxy_reports(client, complaint_site, settings):
    settings.COMPLAINT_SUBMISSIONS_PER_HOUR = 1
    settings.TRUSTED_PROXY_COUNT = 1
    url = complaint_site.url("en")

    def post_from(address, forged=""):
        # The proxy appends the address it saw; what the client wrote itself stays to the left.
        forwarded = f"{forged}, {address}" if forged else address
        return client.post(url, VALID_ANSWERS, HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert post_from("198.51.100.1") == 302
    assert post_from("198.51.100.2") == 302
    assert post_from("198.51.100.1") == 429
    # A client writing another address into the header itself is still itself.
    assert post_from("198.51.100.1", forged="203.0.113.50") == 429


def test_the_cache_holds_no_address(client, complaint_site):
    client.post(complaint_site.url("en"), VALID_ANSWERS, REMOTE_ADDR="203.0.113.77")
    # django-redis lists its keys (CI runs on Redis); the in-memory cache keeps them in a dict.
    keys = [str(key) for key in cache.keys("*")] if hasattr(cache, "keys") else [*cache._cache]
    assert keys and not any("203.0.113.77" in key for key in keys)


def test_status_checks_are_rate_limited(client, complaint_site, settings):
    settings.COMPLAINT_STATUS_CHECKS_PER_HOUR = 3
    url = complaint_site.url("en", "check")
    data = {"reference": "2026-000001", "email": "someone@example.org"}
    for _attempt in range(3):
        assert client.post(url, data).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 429
    assert "Too many status checks" in response.content.decode()


@pytest.fixture
def cache_down(monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr(ratelimit.cache, "incr", fail)


def test_when_the_cache_is_down_complaints_still_get_through(client, complaint_site, cache_down):
    response = client.post(complaint_site.url("en"), VALID_ANSWERS)
    assert response.status_code == 302
    assert Complaint.objects.count() == 1


def test_when_the_cache_is_down_status_checks_are_refused(client, complaint_site, cache_down):
    data = {"reference": "2026-000001", "email": "someone@example.org"}
    response = client.post(complaint_site.url("en", "check"), data)
    assert response.status_code == 503
    assert "Status checks are not available right now" in response.content.decode()


def test_a_redis_that_answers_nothing_counts_as_down(client, complaint_site, monkeypatch):
    monkeypatch.setattr(ratelimit.cache, "incr", lambda *args, **kwargs: None)
    data = {"reference": "2026-000001", "email": "someone@example.org"}
    assert client.post(complaint_site.url("en", "check"), data).status_code == 503


def test_an_oversized_request_gets_a_clear_413_in_the_visitors_language(client, complaint_site):
    response = client.post(
        complaint_site.url("ru"),
        VALID_ANSWERS,
        CONTENT_LENGTH=str(40 * 1024 * 1024),
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="ru"' in html and "<h1>" in html
    assert response["Cache-Control"] == "no-store, private"


def test_a_huge_text_field_gets_the_413_not_a_bare_400(client, complaint_site):
    response = client.post(
        complaint_site.url("en"), {**VALID_ANSWERS, "what_happened": "x" * 2_700_000}
    )
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert not Complaint.objects.exists()
