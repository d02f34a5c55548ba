"""Rewarming the memo after a publish (pagecache/memo.py): the publishing process computes the
answers it held again under the new generation, from the committed data, within a time bound."""

import time

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.models import Hotline
from pagecache import memo, purge
from pagecache.generation import current_generation
from pagecache.keys import bump_generation
from pagecache.memo import bundle_key, local_answers, memo_key, per_language_and_generation, rewarm
from pagecache.serving import is_serving_public_site, serving_public_site

pytestmark = pytest.mark.django_db

calls = []


@per_language_and_generation
def describe(subject):
    calls.append(subject)
    return f"{translation.get_language()}:{subject}"


@per_language_and_generation
def hotline_number(hotline):
    calls.append(hotline.pk)
    return hotline.number


@per_language_and_generation
def serving_flag():
    calls.append("flag")
    return is_serving_public_site()


@per_language_and_generation
def slow(subject):
    calls.append(subject)
    time.sleep(0.05)
    return subject


@per_language_and_generation
def failing_database():
    calls.append("failing")
    raise DatabaseError("the database went away")


def publish():
    """What a commit that changes content does: a new generation, the memo's recipes taken."""
    recipes = local_answers.clear()
    bump_generation()
    return recipes


def test_the_answers_held_are_computed_again_per_language(page_cache):
    calls.clear()
    for language in ("en", "ru"):
        with translation.override(language):
            describe("menu")
    recipes = publish()
    calls.clear()

    assert rewarm(recipes, seconds=5) == 2
    assert calls == ["menu", "menu"]
    calls.clear()
    with translation.override("ru"):
        assert describe("menu") == "ru:menu"
    with translation.override("en"):
        assert describe("menu") == "en:menu"
    assert calls == []  # both answers were there for the new generation


def test_model_arguments_are_read_again_not_taken_from_the_old_answer(page_cache, minimal_site):
    hotline = Hotline.objects.filter(locale__language_code="en").first()
    assert hotline_number(hotline) == hotline.number
    Hotline.objects.filter(pk=hotline.pk).update(number="+994 12 000 00 00")
    recipes = publish()

    rewarm(recipes, seconds=5)
    calls.clear()

    assert hotline_number(hotline) == "+994 12 000 00 00"  # the stale instance passed in
    assert calls == []


def test_an_answer_about_a_deleted_object_is_not_rewarmed(page_cache, minimal_site):
    hotline = Hotline.objects.filter(locale__language_code="en").first()
    hotline_number(hotline)
    Hotline.objects.filter(pk=hotline.pk).delete()
    recipes = publish()
    calls.clear()

    assert rewarm(recipes, seconds=5) == 0
    assert calls == []


def test_the_serving_context_is_the_one_the_answer_was_computed_in(page_cache):
    with serving_public_site():
        assert serving_flag() is True
    recipes = publish()

    rewarm(recipes, seconds=5)
    calls.clear()

    with serving_public_site():
        assert serving_flag() is True
    assert calls == []


def test_rewarming_is_bounded_in_time(page_cache):
    for number in range(20):
        slow(number)
    recipes = publish()
    calls.clear()

    started = time.monotonic()
    computed = rewarm(recipes, seconds=0.12)

    assert 1 <= computed <= 4
    assert time.monotonic() - started < 0.5


def test_rewarming_stops_when_the_database_fails(page_cache, monkeypatch):
    describe("before")
    recipes = publish()
    recipes.insert(0, memo.Recipe(failing_database, (), "en", False))
    calls.clear()

    assert rewarm(recipes, seconds=5) == 0
    assert calls == ["failing"]  # nothing after the failure was tried


def test_nothing_is_rewarmed_when_the_generation_cannot_be_read(page_cache, monkeypatch):
    describe("menu")
    recipes = publish()
    monkeypatch.setattr(memo, "current_generations", lambda: None)
    calls.clear()

    assert rewarm(recipes, seconds=5) == 0
    assert calls == []


def test_the_background_thread_runs_the_rewarm_with_the_setting_bound(settings, monkeypatch):
    seen = []
    monkeypatch.setattr(memo, "rewarm", lambda recipes, seconds: seen.append((recipes, seconds)))
    monkeypatch.setattr(memo.connections, "close_all", lambda: seen.append("closed"))
    settings.MEMO_REWARM_SECONDS = 3

    memo.rewarm_in_background(["recipe"]).join(timeout=5)

    assert seen == [(["recipe"], 3), "closed"]


def test_no_thread_when_rewarming_is_off_or_there_is_nothing_to_rewarm(settings):
    settings.MEMO_REWARM_SECONDS = 0
    assert memo.rewarm_in_background(["recipe"]) is None
    settings.MEMO_REWARM_SECONDS = 2
    assert memo.rewarm_in_background([]) is None


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("shared", [True, False], ids=["same process", "another process"])
def test_after_a_publish_and_its_rewarm_a_page_renders_as_warm(
    client, demo_content, page_cache, settings, monkeypatch, shared
):
    """The first visit after a publish costs what a visit with a warm memo costs: in the
    publishing process, and in another one that finds the answers in the shared cache."""
    settings.PAGE_CACHE_ENABLED = False
    handed = []
    monkeypatch.setattr(memo, "rewarm_in_background", handed.append)
    url = "/en/"
    client.get(url)
    warm = queries_of(client, url)

    hotline = Hotline.objects.get(locale__language_code="en")
    hotline.number = "+994 12 111 11 11"
    hotline.save()  # a snippet saved: a new generation at commit, the purge after it
    purge.after_commit()
    (recipes,) = handed
    assert rewarm(recipes, seconds=10) == len(recipes)
    if not shared:
        local_answers.clear()  # a process that did not publish: only the shared cache helps

    with CaptureQueriesContext(connection) as first_visit:
        response = client.get(url)
    assert "+994 12 111 11 11" in response.text  # rewarmed from the committed data
    assert len(first_visit.captured_queries) <= warm


# With the database cache (production without Redis), no answer is copied to the cache one by
# one: the rewarm shares what it computed as one entry, read by the other processes in one query.


def hotline_number_published_elsewhere(number, handed):
    """A new hotline number saved and rewarmed by the process that saved it (`handed` holds
    the recipes it handed to its background rewarm); this process holds nothing of it."""
    hotline = Hotline.objects.get(locale__language_code="en")
    hotline.number = number
    hotline.save()
    purge.after_commit()
    (recipes,) = handed
    assert rewarm(recipes, seconds=10) == len(recipes)
    local_answers.clear()  # another process: it holds nothing of the new generation


def test_with_the_database_cache_another_process_takes_the_rewarm_in_one_query(
    client,
    demo_content,
    database_cache,
    settings,
    monkeypatch,
):
    settings.PAGE_CACHE_ENABLED = False
    handed = []
    monkeypatch.setattr(memo, "rewarm_in_background", handed.append)
    bump_generation()  # nothing held from an earlier test
    url = "/en/"
    client.get(url)
    warm = queries_of(client, url)
    hotline_number_published_elsewhere("+994 12 222 22 22", handed)

    with CaptureQueriesContext(connection) as first_visit:
        response = client.get(url)
    bundle_reads = [q for q in first_visit.captured_queries if "pagecache:bundle" in q["sql"]]

    assert "+994 12 222 22 22" in response.text  # computed from the committed data
    assert len(bundle_reads) == 1
    assert len(first_visit.captured_queries) <= warm + 1  # a warm visit and the bundle's read

    # Without the bundle, the same first visit computes its furniture again.
    local_answers.clear()
    database_cache.delete(bundle_key("memo", current_generation()))
    assert queries_of(client, url) > warm + 3


def test_with_the_page_cache_the_bundle_comes_in_the_statement_that_reads_the_page(
    client,
    demo_content,
    database_cache,
    settings,
    monkeypatch,
):
    """The first request of a new generation in a process reads the generation, its page and
    the rewarm bundle in one statement; the render then needs no furniture query."""
    handed = []
    monkeypatch.setattr(memo, "rewarm_in_background", handed.append)
    bump_generation()
    url = "/en/"
    settings.PAGE_CACHE_ENABLED = False
    client.get(url)
    warm = queries_of(client, url)  # the memo warm, no page cache: the generation and the page
    settings.PAGE_CACHE_ENABLED = True
    client.get(url)  # stored
    hotline_number_published_elsewhere("+994 12 333 33 33", handed)

    with CaptureQueriesContext(connection) as first_visit:
        response = client.get(url)
    # The test's transaction wraps each cache write in a savepoint, which is not counted.
    statements = [
        query["sql"]
        for query in first_visit.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    with_bundle = [sql for sql in statements if "pagecache:bundle" in sql]

    assert response["X-Page-Cache"] == "miss"
    assert "+994 12 333 33 33" in response.text  # computed from the committed data
    assert len(with_bundle) == 1
    assert "pagecache_contentgeneration" in with_bundle[0]  # the generation's statement
    # A warm render's statements, less its generation read, plus the one combined read, the
    # render claim and the page's store.
    assert len(statements) <= warm - 1 + 3


def test_without_a_bundle_a_process_looks_again_at_most_once_a_second(
    database_cache,
    monkeypatch,
):
    reads = []
    real_get = database_cache.get

    def get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(database_cache, "get", get)
    bump_generation()
    calls.clear()
    for subject in ("a", "b", "c"):
        describe(subject)
    assert calls == ["a", "b", "c"]
    assert sum("bundle" in key for key in reads) == 1

    monkeypatch.setattr(memo, "BUNDLE_RETRY_SECONDS", 0)
    describe("d")
    assert sum("bundle" in key for key in reads) == 2


def test_answers_of_a_bundle_past_their_time_are_not_taken(database_cache):
    bump_generation()
    number = current_generation()
    with translation.override("en"):
        fresh, stale = memo_key(describe, ("fresh",)), memo_key(describe, ("stale",))
        database_cache.set(
            bundle_key("memo", number),
            {
                fresh: (time.time() + 30, "from the bundle", None),
                stale: (time.time() - 1, "too old", None),
            },
        )
        calls.clear()
        assert describe("fresh") == "from the bundle"
        assert describe("stale") == "en:stale"
    assert calls == ["stale"]


def test_the_rewarm_shares_its_answers_only_where_the_cache_keeps_no_copy_of_each(
    database_cache,
    settings,
    monkeypatch,
):
    bump_generation()
    with translation.override("en"):
        describe("menu")
    recipes = publish()
    rewarm(recipes, seconds=5)
    bundle = database_cache.get(bundle_key("memo", current_generation()))
    with translation.override("en"):
        assert bundle[memo_key(describe, ("menu",))][1] == "en:menu"

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import caches

    recipes = publish()
    rewarm(recipes, seconds=5)
    assert caches["default"].get(bundle_key("memo", current_generation())) is None


def test_a_process_that_took_answers_from_a_bundle_rewarms_them_when_it_publishes(
    database_cache,
):
    bump_generation()
    with translation.override("en"):
        describe("menu")
    rewarm(publish(), seconds=5)  # process A publishes and shares what it held
    local_answers.clear()  # process B
    calls.clear()
    with translation.override("en"):
        assert describe("menu") == "en:menu"  # from the bundle
    assert calls == []

    assert rewarm(publish(), seconds=5) == 1  # process B publishes in turn
    assert calls == ["menu"]


def test_answers_whose_recipe_cannot_be_pickled_are_shared_without_it(database_cache):
    @per_language_and_generation
    def nested():  # not reachable by its name: its recipe cannot be pickled
        calls.append("nested")
        return "nested answer"

    bump_generation()
    nested()
    rewarm(publish(), seconds=5)
    local_answers.clear()
    calls.clear()

    assert nested() == "nested answer"  # from the bundle, without a recipe
    assert calls == []
