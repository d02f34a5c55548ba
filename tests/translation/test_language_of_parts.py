"""Text in another language than the page carries `lang`: untranslated strings, foreign files."""

import re

import pytest
from django.test import Client
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from institution.models import StandardPage

pytestmark = pytest.mark.django_db

ALT = "Ombudsmanın qəbul otağında vətəndaşlar növbə gözləyir."
CAPTION = "Bakıda qəbul günü."
QUOTE = "Hər bir müraciət arxasında konkret insanın taleyi dayanır."
TRANSLATED = {
    "Qəbul günü": "Reception day",
    "Qəbul günündən fotolar.": "Photos from a reception day.",
    CAPTION: "A reception day in Baku.",
}


@pytest.fixture
def partly_translated_page(site):
    """An az page translated to English with its alt text and quote left untranslated.

    Saved through wagtail-localize's own `save_target`, as the translation editor's "Publish"
    does: what the translator left out is published in Azerbaijani.
    """
    from wagtail.images.models import Image

    image = Image.objects.create(title="Qəbul", file=get_test_image_file())
    page = site.add_page(
        StandardPage(
            title="Qəbul günü",
            slug="qebul-gunu",
            intro="Qəbul günündən fotolar.",
            body=[
                ("image", {"image": image, "alt_text": ALT, "caption": CAPTION}),
                ("quote", {"text": QUOTE, "attribution": ""}),
            ],
        )
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    english = Locale.objects.get(language_code="en")
    translation = Translation.objects.create(source=source, target_locale=english)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in TRANSLATED:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=TRANSLATED[segment.string.data],
            )
    # wagtail-localize publishes on commit, which a test transaction never reaches: save the
    # same draft, then publish it.
    translation.save_target(publish=False)
    translated = page.get_translation(english)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated


def main_html(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)


def test_untranslated_alt_text_and_quote_carry_the_source_language(partly_translated_page):
    main = main_html(partly_translated_page)
    image = re.search(r"<img [^>]*>", main).group(0)
    assert f'alt="{ALT}"' in image
    assert 'lang="az"' in image
    assert re.search(rf'<p lang="az">{QUOTE}</p>', main)


def test_translated_text_on_the_same_page_has_no_foreign_lang(partly_translated_page):
    main = main_html(partly_translated_page)
    assert "<figcaption>A reception day in Baku.</figcaption>" in main
    assert 'lang="az"' not in re.sub(r"<img [^>]*>|<p lang=\"az\">[^<]*</p>", "", main)


def test_the_source_page_marks_nothing(partly_translated_page, site):
    az_page = partly_translated_page.get_translation(site.locales["az"])
    assert 'lang="' not in main_html(az_page)
