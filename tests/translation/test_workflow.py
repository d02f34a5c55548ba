"""An editor takes an article (and a snippet) from Azerbaijani to English and Russian in the admin.

Everything goes through wagtail-localize's own admin views, as an editor's browser would: "Translate
this page", the translation editor's string API and its Publish action, "Sync translated pages",
and the PO download and upload offered to outside translators.
"""

import datetime
import re
from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.demo_translation import translate_instance
from news.models import NewsCategory, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

ARTICLE = {
    "title": "Ombudsman Bakıda uşaq evini ziyarət etdi",
    "slug": "usaq-evi-ziyareti",
    "summary": "Müvəkkil uşaqların yaşayış şəraiti ilə tanış oldu.",
}
ENGLISH = {
    ARTICLE["title"]: "The Ombudsman visited a children's home in Baku",
    ARTICLE["slug"]: "childrens-home-visit",
    ARTICLE["summary"]: "The Commissioner saw the children's living conditions.",
}
RUSSIAN = {
    ARTICLE["title"]: "Омбудсман посетила детский дом в Баку",
    ARTICLE["slug"]: "poseshchenie-detskogo-doma",
    ARTICLE["summary"]: "Уполномоченный ознакомилась с условиями жизни детей.",
}
SEED_DATE = datetime.date(2020, 2, 13)


@pytest.fixture
def article(site):
    index = site.add_page(NewsIndexPage(title="Xəbərlər", slug="xeberler"))
    for code, (title, slug) in {"en": ("News", "news"), "ru": ("Новости", "novosti")}.items():
        translate_instance(index, code, {"Xəbərlər": title, "xeberler": slug}, site.user)
    return site.add_page(NewsPage(publication_date=SEED_DATE, **ARTICLE), parent=index)


def submit_for_translation(client, page, *languages):
    locales = Locale.objects.filter(language_code__in=languages)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk for locale in locales]})
    assert response.status_code == 302, response.content.decode()[:2000]


def translation_into(instance, language):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=language
    )


def type_translations(client, translation, strings):
    """What the translation editor does when a translator types each string and saves it."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        body = urlencode({"value": strings[segment.string.data]})
        response = client.put(url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201), response.content


def publish_in_translation_editor(client, translated_page, capture_on_commit):
    # wagtail-localize publishes a page once the request's transaction commits.
    with capture_on_commit(execute=True):
        url = reverse("wagtailadmin_pages:edit", args=[translated_page.pk])
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302


def visit(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_editor_publishes_english_and_russian_versions_of_an_article(
    admin_client, article, django_capture_on_commit_callbacks
):
    submit_for_translation(admin_client, article, "en", "ru")
    for language, strings in (("en", ENGLISH), ("ru", RUSSIAN)):
        translation = translation_into(article, language)
        type_translations(admin_client, translation, strings)
        translated = translation.get_target_instance()
        publish_in_translation_editor(admin_client, translated, django_capture_on_commit_callbacks)

    english = visit("/en/news/childrens-home-visit/")
    assert re.search(r'<html lang="en"', english)
    assert "The Ombudsman visited a children&#x27;s home in Baku</h1>" in english
    assert "13 February 2020</time>" in english
    assert 'class="notice"' not in english  # a real translation, not the source on show

    russian = visit("/ru/novosti/poseshchenie-detskogo-doma/")
    assert re.search(r'<html lang="ru"', russian)
    assert "Омбудсман посетила детский дом в Баку</h1>" in russian
    assert "13 февраля 2020</time>" in russian
    # The Azerbaijani article now offers its two translations.
    source = visit("/az/xeberler/usaq-evi-ziyareti/")
    for path in ("/en/news/childrens-home-visit/", "/ru/novosti/poseshchenie-detskogo-doma/"):
        assert f'{path}" lang=' in source


def test_synchronised_fields_follow_the_source_when_the_editor_syncs(
    admin_client, article, django_capture_on_commit_callbacks
):
    submit_for_translation(admin_client, article, "en")
    translation = translation_into(article, "en")
    type_translations(admin_client, translation, ENGLISH)
    publish_in_translation_editor(
        admin_client, translation.get_target_instance(), django_capture_on_commit_callbacks
    )

    # The editor corrects the date of the Azerbaijani article and publishes it ...
    article.publication_date = datetime.date(2020, 2, 14)
    article.save_revision(user=None).publish()
    # ... then chooses "Sync translated pages", publishing the update at once.
    source = TranslationSource.objects.get_for_instance(article)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302

    english = NewsPage.objects.get(
        translation_key=article.translation_key, locale__language_code="en"
    )
    assert english.publication_date == datetime.date(2020, 2, 14)
    assert english.summary == ENGLISH[ARTICLE["summary"]]  # the translation is kept
    assert "14 February 2020</time>" in visit("/en/news/childrens-home-visit/")


def test_a_page_goes_out_and_back_as_a_po_file(
    admin_client, article, django_capture_on_commit_callbacks
):
    submit_for_translation(admin_client, article, "ru")
    translation = translation_into(article, "ru")

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    exported = polib.pofile(download.content.decode())
    assert exported.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgid for entry in exported} == set(RUSSIAN)

    # An outside translator fills the file in and sends it back.
    for entry in exported:
        entry.msgstr = RUSSIAN[entry.msgid]
    upload = SimpleUploadedFile("ru.po", str(exported).encode(), "text/x-gettext-translation")
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    publish_in_translation_editor(
        admin_client, translation.get_target_instance(), django_capture_on_commit_callbacks
    )

    russian = visit("/ru/novosti/poseshchenie-detskogo-doma/")
    assert "Омбудсман посетила детский дом в Баку</h1>" in russian
    assert RUSSIAN[ARTICLE["summary"]] in russian


def test_a_po_file_made_for_another_translation_is_refused(admin_client, article):
    submit_for_translation(admin_client, article, "en", "ru")
    english, russian = translation_into(article, "en"), translation_into(article, "ru")
    exported = polib.pofile(
        admin_client.get(
            reverse("wagtail_localize:download_pofile", args=[english.pk])
        ).content.decode()
    )
    for entry in exported:
        entry.msgstr = ENGLISH[entry.msgid]
    upload = SimpleUploadedFile("en.po", str(exported).encode(), "text/x-gettext-translation")
    admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[russian.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert not russian.source.stringsegment_set.filter(
        string__translations__locale__language_code="ru"
    ).exists()


def test_an_editor_translates_a_snippet_into_english(site, admin_client):
    category = NewsCategory.objects.create(
        locale=site.locales["az"], name="Uşaq hüquqları", slug="children"
    )
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["news", "newscategory", category.pk]
    )
    assert admin_client.post(url, {"locales": [site.locales["en"].pk]}).status_code == 302
    translation = translation_into(category, "en")
    type_translations(admin_client, translation, {"Uşaq hüquqları": "Children's rights"})
    english = translation.get_target_instance()
    edit_url = reverse("wagtailsnippets_news_newscategory:edit", args=[english.pk])
    assert admin_client.post(edit_url, {"action": "publish"}).status_code == 302

    english.refresh_from_db()
    assert (english.name, english.slug) == ("Children's rights", "children")


def test_no_machine_translation_service_is_configured_by_default():
    from wagtail_localize.machine_translators import get_machine_translator

    assert get_machine_translator() is None


def test_a_translation_is_not_published_while_an_image_lacks_its_alternative_text(
    admin_client, site, django_capture_on_commit_callbacks
):
    """wagtail-localize publishes from its own editor: the content checks still apply."""
    from bench.content import lead_image_for

    picture = lead_image_for(0)
    index = site.add_page(NewsIndexPage(title="Xəbərlər", slug="xeberler"))
    translate_instance(index, "en", {"Xəbərlər": "News", "xeberler": "news"}, site.user)
    body = [
        (
            "image",
            {
                "image": picture,
                "alt_text": "Ombudsman uşaqlarla",
                "decorative": False,
                "caption": "",
            },
        )
    ]
    article = site.add_page(
        NewsPage(publication_date=SEED_DATE, body=body, **ARTICLE), parent=index
    )
    submit_for_translation(admin_client, article, "en")
    translation = translation_into(article, "en")
    translated = translation.get_target_instance()

    # The translator "translates" the alternative text as blank space. (An empty translation
    # is no translation: wagtail-localize would publish the source's text.)
    type_translations(admin_client, translation, {**ENGLISH, "Ombudsman uşaqlarla": "  "})
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[translated.pk]),
            {"action": "publish"},
            follow=True,
        )
    # The admin speaks Azerbaijani unless an editor chooses otherwise.
    assert "əlçatanlıq problemləri düzəldilənə qədər onu dərc etmək olmaz" in (
        response.content.decode()
    )
    translated.refresh_from_db()
    assert not translated.live

    type_translations(
        admin_client, translation, {**ENGLISH, "Ombudsman uşaqlarla": "The Ombudsman with children"}
    )
    publish_in_translation_editor(admin_client, translated, django_capture_on_commit_callbacks)
    assert 'alt="The Ombudsman with children"' in visit("/en/news/childrens-home-visit/")
