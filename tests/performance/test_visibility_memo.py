"""Answers about who may see what, or where (sites, private pages), kept across publishes of
content and retired by any change to sites, locales or view restrictions (pagecache/memo.py's
`per_language_and_visibility`)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from core.routing import find_site, site_for_host
from core.visibility import any_view_restrictions
from pagecache.generation import GENERATION_COPY_KEY, current_generations, generations_of_record
from pagecache.keys import bump_generation
from pagecache.memo import generation_for_request

pytestmark = pytest.mark.django_db


def answer_and_queries(function, *args):
    """`function(*args)` in a request's generations, and the queries it made."""
    with (
        generation_for_request(current_generations()),
        CaptureQueriesContext(connection) as captured,
    ):
        answer = function(*args)
    return answer, len(captured.captured_queries)


def test_a_publish_of_content_keeps_the_answers_about_visibility(page_cache, minimal_site):
    site = Site.objects.get(is_default_site=True)
    assert answer_and_queries(any_view_restrictions) == (False, 1)
    assert answer_and_queries(site_for_host, site.hostname, site.port)[1] == 1

    bump_generation(visibility=False)  # what publishing a page does

    assert answer_and_queries(any_view_restrictions) == (False, 0)
    assert answer_and_queries(site_for_host, site.hostname, site.port) == (site, 0)


def test_making_a_page_private_retires_the_answer_at_once(page_cache, minimal_site):
    assert answer_and_queries(any_view_restrictions)[0] is False
    before = generations_of_record()

    page = Page.objects.get(depth=2, locale__language_code="en")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")

    after = generations_of_record()
    assert after.visible_from > before.visible_from  # in the same transaction as the change
    assert answer_and_queries(any_view_restrictions) == (True, 1)


def test_removing_the_restriction_retires_it_too(page_cache, minimal_site):
    page = Page.objects.get(depth=2, locale__language_code="en")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="x"
    )
    assert answer_and_queries(any_view_restrictions)[0] is True

    restriction.delete()

    assert answer_and_queries(any_view_restrictions)[0] is False


def test_a_changed_site_is_found_at_its_new_address(page_cache, minimal_site):
    site = Site.objects.get(is_default_site=True)
    site_for_host_answer, _ = answer_and_queries(site_for_host, "ombudsman.example", 80)
    assert site_for_host_answer == site  # the default site answers an unknown host

    site.hostname, site.is_default_site = "ombudsman.example", False
    site.save()
    other = Site.objects.create(hostname="other.example", root_page=site.root_page, port=80)
    other.is_default_site = True
    other.save()

    assert answer_and_queries(site_for_host, "ombudsman.example", 80)[0] == site
    assert answer_and_queries(site_for_host, "elsewhere.example", 80)[0] == other


def test_each_request_gets_a_copy_of_the_memoised_site(page_cache, minimal_site):
    """Related objects a request caches on its site (`site.root_page`) stay with the request:
    a memoised answer lives across publishes of content and must never be changed."""
    first = RequestFactory().get("/en/")
    with generation_for_request(current_generations()):
        find_site(first).root_page  # noqa: B018 (caches the page on the request's site)
        second = RequestFactory().get("/en/")
        site = find_site(second)

    assert site == first._wagtail_site
    assert site is not first._wagtail_site
    assert "root_page" in first._wagtail_site._state.fields_cache
    assert "root_page" not in site._state.fields_cache  # neither from Wagtail nor from `first`


def test_the_cache_copy_holds_both_generations_and_an_old_copy_is_not_trusted(
    page_cache, minimal_site
):
    page_cache.delete(GENERATION_COPY_KEY)
    numbers = current_generations()
    assert page_cache.get(GENERATION_COPY_KEY) == tuple(numbers)

    page_cache.set(GENERATION_COPY_KEY, 12345)  # a copy written by an older release
    assert current_generations() == generations_of_record()
