"""SITE_OPTIMISATIONS=false (config/settings/stock.py) turns every speed-up off and nothing else:
no routing shortcut, no memo, no page cache, and every page type answers as it does with them."""

import importlib.util
import re
from unittest import mock

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from bench.prepare import page_type_urls
from config.settings.stock import PAGE_CACHE_MIDDLEWARE, stock_wagtail_settings
from core import routing
from pagecache import memo
from pagecache.middleware import CACHE_STATUS_HEADER

pytestmark = pytest.mark.django_db

READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
# Per-visitor or per-visit parts of a page, which differ between any two requests.
VARYING = [
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"'), b"csrf"),
    (re.compile(rb"\d[\d\s.,\xc2\xa0]*"), b"N"),  # view counts and other live figures
]


def settings_module_values(monkeypatch, value):
    """The settings that config/settings/base.py computes with SITE_OPTIMISATIONS=`value`."""
    if value is None:
        monkeypatch.delenv("SITE_OPTIMISATIONS", raising=False)
    else:
        monkeypatch.setenv("SITE_OPTIMISATIONS", value)
    for name in ("PAGE_CACHE_ENABLED", "FRAGMENT_CACHE_ENABLED"):
        monkeypatch.delenv(name, raising=False)
    # A fresh copy of the module in the same package, read with this environment.
    origin = importlib.util.find_spec("config.settings.base").origin
    spec = importlib.util.spec_from_file_location("config.settings.switch_probe", origin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def test_the_switch_is_on_by_default_and_off_drops_every_speed_up(monkeypatch):
    default = settings_module_values(monkeypatch, None)
    assert default["SITE_OPTIMISATIONS"] is True
    assert default["PAGE_CACHE_ENABLED"] and default["FRAGMENT_CACHE_ENABLED"]
    assert PAGE_CACHE_MIDDLEWARE in default["MIDDLEWARE"]

    stock = settings_module_values(monkeypatch, "false")
    assert stock["SITE_OPTIMISATIONS"] is False
    assert stock["PAGE_CACHE_ENABLED"] is False
    assert stock["FRAGMENT_CACHE_ENABLED"] is False
    assert stock["MIDDLEWARE"] == [m for m in default["MIDDLEWARE"] if m != PAGE_CACHE_MIDDLEWARE]
    assert "renditions" in default["CACHES"] and "renditions" not in stock["CACHES"]
    assert {k: stock[k] for k in stock_wagtail_settings([], {})} == stock_wagtail_settings(
        default["MIDDLEWARE"], default["CACHES"]
    )


def test_a_word_that_is_not_a_boolean_is_refused(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="SITE_OPTIMISATIONS"):
        settings_module_values(monkeypatch, "perhaps")


def comparable(content):
    for pattern, replacement in VARYING:
        content = pattern.sub(replacement, content)
    return content


def visit(url, queries=False):
    """A fresh anonymous reader's response to `url` (and its queries when asked)."""
    client = Client(HTTP_USER_AGENT=READER)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured.captured_queries)


def twice(url):
    """The second of two visits (renditions made, memos and page cache warm) and its queries."""
    visit(url)
    return visit(url)


@pytest.fixture
def page_types(demo_content, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    urls = page_type_urls()
    assert {"homepage", "newspage", "newsindexpage", "standardpage", "search"} <= set(urls)
    return urls


def test_with_the_switch_off_every_page_type_answers_the_same_without_any_speed_up(
    page_types, settings
):
    ours = {name: twice(url) for name, url in page_types.items()}
    assert all(response.status_code == 200 for response, _ in ours.values()), ours
    served_from_cache = [name for name, (response, _) in ours.items() if response.get(
        CACHE_STATUS_HEADER) == "hit"]  # fmt: skip
    assert "homepage" in served_from_cache and "newspage" in served_from_cache

    with override_settings(**stock_wagtail_settings(settings.MIDDLEWARE, settings.CACHES)):
        with (
            mock.patch.object(routing, "locate", wraps=routing.locate) as shortcut,
            mock.patch.object(memo.local_answers, "set", wraps=memo.local_answers.set) as kept,
        ):
            stock = {name: twice(url) for name, url in page_types.items()}
        assert shortcut.call_count == 0, "the routing shortcut ran with the switch off"
        assert kept.call_count == 0, "a memo kept an answer with the switch off"

        for name, (response, queries) in stock.items():
            assert response.status_code == 200, name
            assert CACHE_STATUS_HEADER not in response, f"{name}: the page cache answered"
            assert comparable(response.content) == comparable(ours[name][0].content), name
            assert queries > 0, f"{name} was served without asking the database"

    with override_settings(PAGE_CACHE_ENABLED=False):
        uncached_ours = {name: twice(url)[1] for name, url in page_types.items()}
    # Every page shows memoised furniture (menus, locales, hotline): stock Wagtail asks more.
    not_fewer = {
        name: (uncached_ours[name], stock[name][1])
        for name in page_types
        if uncached_ours[name] >= stock[name][1]
    }
    assert not_fewer == {}
