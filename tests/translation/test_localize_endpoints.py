"""A translator is refused another language's translations through every wagtail-localize URL.

Each URL of wagtail-localize's admin (wagtail_localize/wagtail_hooks.py) is attacked with a
translation into the translator's own language (allowed) and into another one (refused), for a
page and for a snippet.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core import translator_guard
from core.demo_translation import translate_instance
from core.translators import setup_translator_groups
from home.models import Hotline

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(site):
    """A page and a snippet, each in az with en and ru translations."""
    hotline = Hotline.objects.create(
        locale=site.locales["az"], number="916", label="Çağrı mərkəzi", hours="Gecə-gündüz"
    )
    for code, (label, hours) in {
        "en": ("Call centre", "Day and night"),
        "ru": ("Колл-центр", "Круглосуточно"),
    }.items():
        translate_instance(hotline, code, {"Çağrı mərkəzi": label, "Gecə-gündüz": hours}, site.user)
    return {"page": site.home, "snippet": hotline}


@pytest.fixture
def groups(site):
    return setup_translator_groups()


def translator_client(groups, language):
    user = get_user_model().objects.create_user(f"translator-{language}", password="pw")
    user.groups.add(groups[language])
    client = Client()
    client.force_login(user)
    return client


def translation_of(instance, language):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=language
    )


def refused(response):
    """The admin's "no permission" answer: a 403, or a redirect to the dashboard for a page load."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def put_string(client, translation, value):
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    ), segment


def stored_string(translation, segment):
    return StringTranslation.objects.get(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).data


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_the_string_api_writes_only_the_translators_language(objects, groups, kind):
    client = translator_client(groups, "en")
    russian = translation_of(objects[kind], "ru")
    response, segment = put_string(client, russian, "Взломано")
    assert response.status_code == 403
    assert stored_string(russian, segment) != "Взломано"
    segment_url = reverse("wagtail_localize:edit_string_translation", args=[russian.pk, segment.pk])
    assert client.delete(segment_url).status_code == 403
    assert StringTranslation.objects.filter(
        translation_of=segment.string, locale=russian.target_locale, context=segment.context
    ).exists()

    english = translation_of(objects[kind], "en")
    response, segment = put_string(client, english, "Updated by the English translator")
    assert response.status_code == 200
    assert stored_string(english, segment) == "Updated by the English translator"


# Each is tried on both languages; machine translation and overrides answer 404 here (no
# machine translator, no overridable segment), which still shows the guard let the call through.
TRANSLATION_ENDPOINTS = [
    ("edit_override", "put"),
    ("download_pofile", "get"),
    ("upload_pofile", "post"),
    ("machine_translate", "post"),
    ("preview_translation", "get"),
    ("stop_translation", "post"),
]


def request_data(client, name, translation):
    """What the admin's own forms send: where to go next (the views' default is the dashboard,
    where a refusal goes too) and, for an upload, the PO file of that very translation."""
    if name != "upload_pofile":
        return {"next": "/admin/pages/"}
    pofile = client.get(endpoint_url("download_pofile", translation))
    content = pofile.content if pofile.status_code == 200 else b'msgid ""\nmsgstr ""\n'
    return {
        "next": "/admin/pages/",
        "file": SimpleUploadedFile("translation.po", content, "text/x-gettext-translation"),
    }


def endpoint_url(name, translation):
    if name == "edit_override":
        return reverse(f"wagtail_localize:{name}", args=[translation.pk, 999999])
    return reverse(f"wagtail_localize:{name}", args=[translation.pk])


@pytest.mark.parametrize("kind", ["page", "snippet"])
@pytest.mark.parametrize(("name", "method"), TRANSLATION_ENDPOINTS)
def test_each_translation_endpoint_refuses_another_language(objects, groups, kind, name, method):
    client = translator_client(groups, "en")
    russian = translation_of(objects[kind], "ru")
    strings_before = list(
        StringTranslation.objects.filter(locale=russian.target_locale).values_list("data")
    )
    data = request_data(Client(), name, russian)
    response = getattr(client, method)(endpoint_url(name, russian), data)
    assert refused(response), f"{name} let the English translator at the Russian translation"
    russian.refresh_from_db()
    assert russian.enabled  # not stopped
    assert strings_before == list(
        StringTranslation.objects.filter(locale=russian.target_locale).values_list("data")
    )

    english = translation_of(objects[kind], "en")
    data = request_data(client, name, english)
    response = getattr(client, method)(endpoint_url(name, english), data)
    assert not refused(response) and response.status_code < 500, (
        f"{name} refused the English translator their own translation"
    )


def test_stopping_ones_own_translation_works(objects, groups):
    client = translator_client(groups, "en")
    english = translation_of(objects["snippet"], "en")
    response = client.post(endpoint_url("stop_translation", english), {"next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    english.refresh_from_db()
    assert not english.enabled


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_updating_translations_needs_every_language_they_touch(objects, groups, kind):
    source = translation_of(objects[kind], "en").source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    english_translator = translator_client(groups, "en")
    assert refused(english_translator.get(url))
    assert refused(english_translator.post(url, {"publish_translations": "on"}))

    # The source language's translators may look, but publishing every language is not theirs.
    source_translator = translator_client(groups, "az")
    assert source_translator.get(url).status_code == 200
    assert refused(source_translator.post(url, {"publish_translations": "on"}))


def test_converting_back_to_an_alias_only_in_ones_own_language(site, groups):
    client = translator_client(groups, "en")
    url = "wagtail_localize:convert_to_alias"
    assert refused(client.get(reverse(url, args=[site.homes["ru"].pk])))
    assert refused(client.post(reverse(url, args=[site.homes["ru"].pk])))
    assert client.get(reverse(url, args=[site.homes["en"].pk])).status_code == 200


def test_sending_out_for_translation_only_from_ones_own_language(site, objects, groups):
    client = translator_client(groups, "az")
    page_url = "wagtail_localize:submit_page_translation"
    assert client.get(reverse(page_url, args=[site.homes["az"].pk])).status_code == 200
    assert refused(client.get(reverse(page_url, args=[site.homes["ru"].pk])))
    snippet_url = "wagtail_localize:submit_snippet_translation"
    russian_hotline = objects["snippet"].get_translation(site.locales["ru"])
    assert refused(client.get(reverse(snippet_url, args=["home", "hotline", russian_hotline.pk])))
    own = client.get(reverse(snippet_url, args=["home", "hotline", objects["snippet"].pk]))
    assert not refused(own)


def test_the_translation_editors_of_other_languages_are_refused(site, objects, groups):
    client = translator_client(groups, "en")
    russian_hotline = objects["snippet"].get_translation(site.locales["ru"])
    english_hotline = objects["snippet"].get_translation(site.locales["en"])
    snippet_edit = "wagtailsnippets_home_hotline:edit"
    assert refused(client.get(reverse(snippet_edit, args=[russian_hotline.pk])))
    assert client.get(reverse(snippet_edit, args=[english_hotline.pk])).status_code == 200
    page_edit = "wagtailadmin_pages:edit"
    assert refused(client.get(reverse(page_edit, args=[site.homes["ru"].pk])))
    assert client.get(reverse(page_edit, args=[site.homes["en"].pk])).status_code == 200


def test_read_only_views_stay_open(groups, objects):
    client = translator_client(groups, "en")
    listing = reverse("wagtail_localize:snippets_api_listing", args=["home", "hotline"])
    assert client.get(listing).status_code == 200
    assert client.get(reverse("wagtail_localize:translations_report")).status_code == 200


def test_a_localize_view_the_guard_does_not_know_is_refused_to_translators(
    objects, groups, monkeypatch
):
    monkeypatch.delitem(translator_guard.LANGUAGES_OF_VIEW, "download_pofile")
    client = translator_client(groups, "en")
    english = translation_of(objects["page"], "en")
    assert refused(client.get(endpoint_url("download_pofile", english)))


def test_administrators_are_not_restricted_by_language(objects, admin_client):
    russian = translation_of(objects["snippet"], "ru")
    assert admin_client.get(endpoint_url("download_pofile", russian)).status_code == 200
    response, _segment = put_string(admin_client, russian, "Колл-центр 916")
    assert response.status_code == 200
