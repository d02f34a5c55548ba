"""What the project plugs into core (settings and registries) reaches core, and a wrong setting
fails with an error that names it, rather than core naming a page app."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from core import latest_articles
from core.demo import CORE_FINAL_BUILDERS, demo_builder_paths
from core.models import IndexPage
from core.preferences import cookie_name
from core.site_snippets import footer_text_model, hotline_model
from home.models import FooterText, Hotline
from institution.models import OfficeIndexPage, OfficePage, PublicationIndexPage, PublicationPage
from news.latest_news import latest_news
from news.models import NewsIndexPage, NewsPage
from pagecache.keys import page_cache_key


def test_the_snippets_on_every_page_come_from_the_settings():
    assert hotline_model() is Hotline
    assert footer_text_model() is FooterText


@pytest.mark.parametrize("label", ["", "home", "home.NoSuchSnippet", "nowhere.Hotline"])
def test_a_wrong_snippet_setting_names_itself(label):
    with (
        override_settings(SITE_HOTLINE_MODEL=label),
        pytest.raises(ImproperlyConfigured, match="SITE_HOTLINE_MODEL"),
    ):
        hotline_model()


def test_news_registers_the_latest_articles_and_none_registered_shows_none(monkeypatch):
    assert latest_articles._provider is latest_news

    monkeypatch.setattr(latest_articles, "_provider", None)
    assert latest_articles.latest_articles(locale=None, count=3) == ([], None)


@override_settings(DEMO_CONTENT_BUILDERS=["home.demo.build_home", "news.demo.build_news"])
def test_the_project_orders_the_demo_builders_and_core_runs_its_own_last():
    assert demo_builder_paths() == [
        "home.demo.build_home",
        "news.demo.build_news",
        *CORE_FINAL_BUILDERS,
    ]


def test_the_page_cache_key_varies_with_the_display_preferences():
    factory = RequestFactory()
    standard = factory.get("/en/")
    larger = factory.get("/en/", HTTP_COOKIE=f"{cookie_name()}=150.default")
    forged = factory.get("/en/", HTTP_COOKIE=f"{cookie_name()}=999.x")
    assert page_cache_key(standard) != page_cache_key(larger)
    assert page_cache_key(standard) == page_cache_key(forged)


def test_the_three_index_pages_share_one_base_each_listing_its_one_subpage_type():
    for index_page, listed in (
        (OfficeIndexPage, OfficePage),
        (PublicationIndexPage, PublicationPage),
        (NewsIndexPage, NewsPage),
    ):
        assert issubclass(index_page, IndexPage)
        assert index_page.listed_page_model() is listed
        assert index_page.max_count_per_parent == 1
