"""Each page describes itself to search engines and has an address in its own language."""

import re
from html import unescape

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.demo_translation import translate_instance
from core.descriptions import MAX_LENGTH, shorten
from core.slugs import localised_slug
from institution.models import StandardPage

AZERBAIJANI_ONLY = re.compile("[əƏıİğĞşŞçÇöÖüÜ]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def meta_description(html):
    found = re.search(r'<meta name="description" content="([^"]*)">', html)
    return unescape(found.group(1)) if found else None


def written_in(text, language):
    if language == "ru":
        return bool(CYRILLIC.search(text))
    if language == "az":
        return not CYRILLIC.search(text) and bool(AZERBAIJANI_ONLY.search(text))
    return not CYRILLIC.search(text) and not re.search("[əƏıİğĞşŞ]", text)


@pytest.mark.django_db
def test_every_page_type_in_every_language_has_a_description_in_that_language(demo_content):
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale", "content_type")
    seen = {}
    for page in pages:
        key = (page.content_type.model, page.locale.language_code)
        seen.setdefault(key, page)
    assert len({model for model, _language in seen}) >= 11
    problems = []
    for (model, language), page in sorted(seen.items()):
        response = Client().get(page.url)
        description = meta_description(response.content.decode())
        if (
            not description
            or len(description) > MAX_LENGTH
            or not written_in(description, language)
        ):
            problems.append(f"{model} {language} {page.url}: {description!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_views_that_are_not_pages_describe_the_site_in_their_language(demo_content):
    for url, language in (("/ru/search/", "ru"), ("/az/preferences/", "az"), ("/en/search/", "en")):
        description = meta_description(Client().get(url).content.decode())
        assert description and written_in(description, language), (url, description)


def test_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = "Ombudsman " * 30
    cut = shorten(text.strip())
    assert len(cut) <= MAX_LENGTH
    assert cut.endswith("Ombudsman…")
    assert shorten("Short.") == "Short."


@pytest.mark.parametrize(
    ("title", "language", "slug"),
    [
        ("Посещение детского дома", "ru", "poseshchenie-detskogo-doma"),
        ("Щука и ёж: объявление", "ru", "shchuka-i-ezh-obieiavlenie"),
        ("Ежегодный доклад за 2024 год", "ru", "ezhegodnyi-doklad-za-2024-god"),
        ("Əlçatanlıq bəyanatı", "az", "elcatanliq-beyanati"),
        ("Uşaq evinə ziyarət", "az", "usaq-evine-ziyaret"),
        ("The Ombudsman’s mandate", "en", "the-ombudsmans-mandate"),
    ],
)
def test_slugs_are_made_in_the_titles_language(title, language, slug):
    assert localised_slug(title, language) == slug


def test_a_long_title_is_cut_at_a_word():
    slug = localised_slug(
        "Müvəkkilin 2022-ci il üzrə illik məruzəsi Milli Məclisdə təqdim olunub", "az"
    )
    assert slug == "muvekkilin-2022-ci-il-uzre-illik-meruzesi-milli-meclisde"


TITLES = {"Ombudsmanın mandatı": {"en": "The Ombudsman’s mandate", "ru": "Мандат Омбудсмана"}}


def translate(page, language, title, slug_translation=None):
    """Translate as a translator who leaves the slug as it is (or types `slug_translation`)."""
    strings = {page.title: title, page.slug: slug_translation or page.slug, "": ""}
    return translate_instance(page, language, strings)


@pytest.mark.django_db
def test_a_new_translation_gets_a_slug_from_its_own_title(site):
    page = site.add_page(StandardPage(title="Ombudsmanın mandatı", slug="mandat", body=[]))
    russian = translate(page, "ru", "Мандат Омбудсмана")
    english = translate(page, "en", "The Ombudsman’s mandate")
    assert russian.slug == "mandat-ombudsmana"
    assert english.slug == "the-ombudsmans-mandate"
    assert Client().get("/ru/mandat-ombudsmana/").status_code == 200
    page.refresh_from_db()
    assert page.slug == "mandat"  # the source keeps the slug its editor chose


@pytest.mark.django_db
def test_a_slug_the_translator_typed_is_kept(site):
    page = site.add_page(StandardPage(title="Ombudsmanın mandatı", slug="mandat", body=[]))
    assert translate(page, "ru", "Мандат Омбудсмана", "mandat-upolnomochennogo").slug == (
        "mandat-upolnomochennogo"
    )


@pytest.mark.django_db
def test_a_translation_published_under_its_sources_slug_moves_and_the_old_address_redirects(
    site, django_capture_on_commit_callbacks
):
    page = site.add_page(StandardPage(title="Ombudsmanın mandatı", slug="mandat", body=[]))
    russian = translate(page, "ru", "Мандат Омбудсмана")
    # As a translation published before slugs were localised: its source's slug.
    Page.objects.filter(pk=russian.pk).update(
        slug="mandat", url_path=russian.url_path.replace("mandat-ombudsmana", "mandat")
    )
    assert Client().get("/ru/mandat/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "ru", "Мандат Омбудсмана")
    assert Redirect.objects.filter(old_path="/ru/mandat").exists()
    response = Client().get("/ru/mandat/")
    assert response.status_code == 301
    assert response["Location"].endswith("/ru/mandat-ombudsmana/")


@pytest.mark.django_db
def test_the_demo_news_has_addresses_in_each_language(demo_content):
    from news.models import NewsPage

    for language, prefix in (("az", "/az/xeberler/"), ("ru", "/ru/novosti/")):
        urls = [page.url for page in NewsPage.objects.live().filter(locale__language_code=language)]
        assert urls and all(url.startswith(prefix) for url in urls)
        # No English slug left under the az and ru news.
        assert not [url for url in urls if re.search(r"-(report|visit|day|the)-", url)], urls
    seed = NewsPage.objects.get(locale__language_code="ru", title__startswith="Представитель")
    assert seed.slug == localised_slug(seed.title, "ru")
