"""Language routing, the language switcher, hreflang alternates and the localized 404."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LANGUAGES = ("az", "en", "ru")


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("az", "/az/"),
        ("fr-FR,de;q=0.8", "/az/"),
        ("", "/az/"),
    ],
)
def test_root_redirects_to_the_visitors_language(demo_content, accept_language, expected):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_renders_in_its_language(demo_content, language):
    response = Client().get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == language
    assert response.content.decode().count("<h1") == 1


def test_home_titles_are_translated(demo_content):
    titles = {lang: Client().get(f"/{lang}/").context["page"].title for lang in LANGUAGES}
    assert "Müvəkkili" in titles["az"]
    assert titles["en"].startswith("Commissioner for Human Rights")
    assert titles["ru"].startswith("Уполномоченный")


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_links_to_same_page_and_marks_current(demo_content, language):
    html = Client().get(f"/{language}/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = re.findall(
        r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)"([^>]*)>([^<]+)</a>', switcher
    )
    assert [(href, lang) for href, lang, _h, _rest, _name in links] == [
        ("/az/", "az"),
        ("/en/", "en"),
        ("/ru/", "ru"),
    ]
    assert [name for *_rest, name in links] == ["Azərbaycanca", "English", "Русский"]
    current = [lang for _href, lang, _h, rest, _name in links if 'aria-current="true"' in rest]
    assert current == [language]


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_hreflang_alternates_are_reciprocal_with_x_default(demo_content):
    by_page = {lang: alternates(Client().get(f"/{lang}/").content.decode()) for lang in LANGUAGES}
    for lang, found in by_page.items():
        assert set(found) == {"az", "en", "ru", "x-default"}
        assert found[lang].endswith(f"/{lang}/")
        assert found["x-default"].endswith("/az/")
        for other in LANGUAGES:
            assert by_page[other][lang] == found[lang]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("az", "Səhifə tapılmadı"), ("en", "Page not found"), ("ru", "Страница не найдена")],
)
def test_not_found_page_speaks_the_visitors_language(demo_content, language, heading):
    response = Client().get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(response) == language
    assert f"<h1>{heading}</h1>" in html
    # The switcher offers each language's home, since this path exists in none.
    assert 'href="/ru/" lang="ru"' in html


def test_unprefixed_unknown_path_redirects_into_a_language(demo_content):
    response = Client().get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == "/en/no-such-page/"
