"""Memoised site furniture: one answer per language, model, object and content generation."""

import pytest
from django.utils import translation

from home.models import Hotline
from pagecache.keys import bump_generation
from pagecache.memo import Unkept, per_language_and_generation

pytestmark = pytest.mark.django_db

calls = []


@per_language_and_generation
def describe(subject):
    calls.append(subject)
    return f"{translation.get_language()}:{subject}"


def test_answers_are_kept_per_language_and_argument(page_cache):
    calls.clear()
    with translation.override("en"):
        assert describe("hotline") == "en:hotline"
        assert describe("hotline") == "en:hotline"
        assert describe("footer") == "en:footer"
    with translation.override("ru"):
        assert describe("hotline") == "ru:hotline"

    assert calls == ["hotline", "footer", "hotline"]


def test_a_new_generation_recomputes(page_cache):
    calls.clear()
    describe(Hotline)
    bump_generation()
    describe(Hotline)

    assert calls == [Hotline, Hotline]


def test_different_objects_of_one_model_are_different_keys(page_cache, minimal_site):
    calls.clear()
    english, russian = Hotline.objects.filter(locale__language_code__in=["en", "ru"])
    describe(english)
    describe(russian)
    describe(english)

    assert calls == [english, russian]


def test_answers_are_kept_with_the_page_cache_off(page_cache, settings):
    settings.PAGE_CACHE_ENABLED = False
    calls.clear()
    describe("hotline")
    describe("hotline")

    assert calls == ["hotline"]


def test_nothing_is_kept_with_the_fragment_cache_off(page_cache, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    calls.clear()
    describe("hotline")
    describe("hotline")

    assert calls == ["hotline", "hotline"]


@per_language_and_generation
def keep_some(subject):
    calls.append(subject)
    return subject if subject == "worth keeping" else Unkept(subject)


def test_answers_marked_unkept_are_computed_each_time(page_cache):
    calls.clear()
    for _ in range(2):
        assert keep_some("worth keeping") == "worth keeping"
        assert keep_some("made up") == "made up"

    assert calls == ["worth keeping", "made up", "made up"]
