"""A page not yet translated: visitors of other languages read the source, clearly labelled."""

import re
from urllib.parse import urlsplit

import pytest
from django.template import Context, Template
from django.test import Client
from wagtail.models import Locale, Page

from core.demo_translation import translate_instance
from core.locale_sync import synchronise_languages_from_default
from institution.models import StandardPage

pytestmark = pytest.mark.django_db

TITLE = "Müvəkkilin mandatı"
INTRO = "Müvəkkil insan hüquqlarının pozulması barədə şikayətlərə baxır."


@pytest.fixture
def az_only_page(site):
    """An az page, with the other languages synchronised from az (as the demo sets them)."""
    page = site.add_page(StandardPage(title=TITLE, slug="mandat", intro=INTRO))
    synchronise_languages_from_default()
    return page


def get_html(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def main_tag(html):
    return re.search(r"<main[^>]*>", html).group(0)


def notice(html):
    found = re.search(r'<p class="notice"[^>]*>.*?</p>', html, re.S)
    return found.group(0) if found else None


def alternates(html):
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    return {language: urlsplit(url).path for language, url in found}


def switcher_languages(html):
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r'hreflang="([^"]+)"', switcher.group(0)) if switcher else []


def test_locale_synchronisation_puts_the_page_in_every_language_tree(az_only_page):
    mirrors = Page.objects.filter(translation_key=az_only_page.translation_key).exclude(
        pk=az_only_page.pk
    )
    assert {page.locale.language_code for page in mirrors} == {"en", "ru"}
    assert all(page.alias_of_id == az_only_page.pk and page.live for page in mirrors)


@pytest.mark.parametrize(
    ("language", "notice_text"),
    [
        ("en", "This page has not been translated into your language yet."),
        ("ru", "Эта страница ещё не переведена на ваш язык."),
    ],
)
def test_visitors_read_the_source_with_a_notice_in_their_language(
    az_only_page, language, notice_text
):
    html = get_html(f"/{language}/mandat/")
    assert TITLE in html and INTRO in html
    # The interface (and the notice) is in the visitor's language ...
    assert html_lang(html) == language
    assert f'lang="{language}"' in notice(html)
    assert notice_text in notice(html)
    # ... and the Azerbaijani content says so, for screen readers and translation tools.
    assert 'lang="az"' in main_tag(html)
    assert '<span lang="az">Azərbaycanca</span>' in notice(html)


def test_the_source_page_has_no_notice_and_no_language_override(az_only_page):
    html = get_html("/az/mandat/")
    assert notice(html) is None
    assert "lang=" not in main_tag(html)


@pytest.mark.parametrize("url", ["/az/mandat/", "/en/mandat/", "/ru/mandat/"])
def test_hreflang_and_switcher_offer_only_the_language_the_page_exists_in(az_only_page, url):
    html = get_html(url)
    assert alternates(html) == {"az": "/az/mandat/", "x-default": "/az/mandat/"}
    # One language only: no switcher offering translations that do not exist.
    assert switcher_languages(html) == []


def test_once_translated_the_page_is_real_english_everywhere(site, az_only_page):
    translate_instance(
        az_only_page,
        "en",
        {
            TITLE: "The Commissioner's mandate",
            "mandat": "mandate",
            INTRO: "The Commissioner examines complaints about violations of human rights.",
        },
        site.user,
    )
    html = get_html("/en/mandate/")
    assert notice(html) is None
    assert "lang=" not in main_tag(html)
    assert html_lang(html) == "en"
    assert "The Commissioner&#x27;s mandate" in html or "The Commissioner's mandate" in html
    assert alternates(html) == {
        "az": "/az/mandat/",
        "en": "/en/mandate/",
        "x-default": "/az/mandat/",
    }
    assert switcher_languages(html) == ["az", "en"]
    # Russian is still untranslated: its mirror remains, and is still not offered.
    assert "ru" not in alternates(get_html("/ru/mandat/"))


def test_links_to_an_untranslated_page_can_be_marked_with_its_language(az_only_page):
    mirror = az_only_page.get_translation(Locale.objects.get(language_code="en"))
    template = Template("{% load site_tags %}{{ page|content_language }}")
    assert template.render(Context({"page": mirror})) == "az"
    assert template.render(Context({"page": az_only_page})) == "az"


def test_the_sitemap_lists_an_untranslated_page_once_in_its_own_language(az_only_page):
    sitemap = Client().get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    paths = [urlsplit(location).path for location in locations]
    assert az_only_page.url in paths
    mirrors = Page.objects.filter(translation_key=az_only_page.translation_key).exclude(
        pk=az_only_page.pk
    )
    for mirror in mirrors:
        assert mirror.url not in paths


def test_menus_mark_an_untranslated_pages_title_with_its_language(site):
    page = StandardPage(title=TITLE, slug="mandat", intro=INTRO, show_in_menus=True)
    site.add_page(page)
    synchronise_languages_from_default()
    menus = {
        language: re.search(r'<nav class="main-menu".*?</nav>', get_html(f"/{language}/"), re.S)
        for language in ("az", "en", "ru")
    }
    assert f'<a href="/az/mandat/">{TITLE}</a>' in menus["az"].group(0)
    for language in ("en", "ru"):
        assert f'<a href="/{language}/mandat/" lang="az">{TITLE}</a>' in menus[language].group(0)


@pytest.mark.parametrize("url", ["/az/mandat/", "/en/mandat/"])
def test_the_first_render_takes_the_alternates_from_the_query_that_reads_the_page(
    az_only_page, url, monkeypatch
):
    """The page and its translations come in one query (core/routing.py `served_page`), so
    the language alternates need no query of their own, and are the same."""
    from core import languages
    from pagecache.keys import bump_generation

    expected = alternates(get_html(url))
    bump_generation(visibility=False)  # a new generation: nothing memoised

    def separate_query(*args):
        raise AssertionError("the alternates were read with a query of their own")

    monkeypatch.setattr(languages, "_page_alternates", separate_query)
    html = get_html(url)

    assert alternates(html) == expected == {"az": "/az/mandat/", "x-default": "/az/mandat/"}
    assert switcher_languages(html) == []
