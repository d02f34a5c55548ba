"""Titles, summaries and alt texts a translator left in the source language carry `lang`
wherever other pages list them: cards, search results, breadcrumbs, section and main menus."""

import datetime
import re

import pytest
from django.test import Client
from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.demo_translation import translate_instance
from institution.models import StandardPage
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

TITLE = "Qəbul günü Gəncədə"
SUMMARY = "Müvəkkil Gəncədə vətəndaşları qəbul edib."
ALT = "Vətəndaşlar qəbul otağında növbə gözləyir."
SECTION = "Fəaliyyət istiqamətləri"


def translate_partly(page, locale, strings):
    """Translate only `strings` of `page`, then publish as wagtail-localize's editor does: what
    the translator left out is published in the source language."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[segment.string.data],
            )
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def listed_site(site):
    """An article and an institutional section whose English keeps az title, summary, alt."""
    from wagtail.images.models import Image

    english = site.locales["en"]
    index = site.add_page(NewsIndexPage(title="Xəbərlər", slug="xeberler"))
    translate_instance(index, "en", {"Xəbərlər": "News", "xeberler": "news"}, site.user)
    image = Image.objects.create(title="Qəbul", file=get_test_image_file())
    article = site.add_page(
        NewsPage(
            title=TITLE,
            slug="qebul-gunu",
            publication_date=datetime.date(2026, 3, 2),
            summary=SUMMARY,
            lead_image=image,
            lead_image_alt=ALT,
        ),
        parent=index,
    )
    translate_partly(article, english, {"qebul-gunu": "reception-day"})
    section = site.add_page(
        StandardPage(title=SECTION, slug="fealiyyet", intro="", body=[], show_in_menus=True)
    )
    translate_partly(section, english, {"fealiyyet": "work"})
    child = site.add_page(
        StandardPage(title="Monitorinq", slug="monitorinq", intro="", body=[]), parent=section
    )
    translate_partly(child, english, {"Monitorinq": "Monitoring", "monitorinq": "monitoring"})
    return {"child": child.get_translation(english)}


def html_of(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def tag_around(html, text, tag):
    """The opening `tag` whose element holds `text` (or whose alt is `text`)."""
    for match in re.finditer(rf"<{tag}\b[^>]*>", html):
        rest = html[match.end() : match.end() + len(text) + 200]
        if f'alt="{text}"' in match.group(0) or rest.startswith(text):
            return match.group(0)
    raise AssertionError(f"no <{tag}> around {text!r}")


@pytest.mark.parametrize("path", ["/en/news/", "/en/"])
def test_cards_mark_the_untranslated_title_summary_and_alt(listed_site, path):
    html = html_of(path)
    assert 'lang="az"' in tag_around(html, TITLE, "a")
    assert 'lang="az"' in tag_around(html, SUMMARY, "p")
    assert 'lang="az"' in tag_around(html, ALT, "img")


def test_search_results_mark_the_untranslated_title_and_summary(listed_site):
    html = html_of("/en/search/?q=Gəncədə")
    assert 'lang="az"' in tag_around(html, TITLE, "a")
    assert 'lang="az"' in tag_around(html, SUMMARY, "p")


def test_breadcrumbs_and_menus_mark_an_untranslated_section_title(listed_site):
    html = html_of(listed_site["child"].url)
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    subnav = re.search(r'<nav class="subnav".*?</nav>', html, re.S).group(0)
    main_menu = html[: html.index("<main")]
    for where in (breadcrumbs, subnav, main_menu):
        assert 'lang="az"' in tag_around(where, SECTION, "a")
    # The translated title of the page itself is English: no `lang` of its own.
    assert 'lang="az"' not in tag_around(subnav, "Monitoring", "a")


def test_the_source_language_marks_nothing(listed_site):
    for path in ("/az/xeberler/", "/az/"):
        html = html_of(path)
        assert 'lang="' not in html[html.index("<main") :].replace('<main id="main"', ""), path
