"""The Wagtail admin in the editor's own language: Azerbaijani, English or Russian."""

import json
import re

import polib
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page
from wagtail.users.models import UserProfile

from core.admin_translations import build_admin_catalogs, merged_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_catalogs(tmp_path, settings):
    """The admin's Azerbaijani built as `make messages` builds it, in a scratch folder."""
    build_admin_catalogs(tmp_path)
    settings.LOCALE_PATHS = [django_settings.BASE_DIR / "locale", tmp_path]
    return tmp_path


def editor_client(preferred_language):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = preferred_language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def sidebar_labels(html):
    """The main menu's item labels, from the sidebar's JSON props (non-ASCII is \\u-escaped)."""
    return {json.loads(f'"{label}"') for label in re.findall(r'"label": "([^"]+)"', html)}


def test_dashboard_is_in_azerbaijani_for_an_editor_who_prefers_it(admin_catalogs):
    client = editor_client("az")
    # The browser asks for English; the editor's own preference wins.
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="az"' in html
    assert "<title>İdarə paneli" in html
    assert {"Səhifələr", "Şəkillər", "Sənədlər", "Fraqmentlər", "Hesabatlar"} <= sidebar_labels(
        html
    )
    assert "Saytın xülasəsi" in html


def test_page_editor_actions_are_in_azerbaijani(admin_catalogs):
    home = Page.objects.get(depth=2)  # Wagtail's welcome page, present after migrations
    html = editor_client("az").get(f"/admin/pages/{home.pk}/edit/").content.decode()
    for label in ("Dərc et", "Qaralamanı yadda saxla", "Önbaxış", "Məzmun", "Tanıtım"):
        assert label in html, label


@pytest.mark.parametrize(
    ("language", "dashboard"), [("ru", "Панель управления"), ("en", "Dashboard")]
)
def test_dashboard_follows_the_editors_choice_of_russian_or_english(
    admin_catalogs, language, dashboard
):
    html = editor_client(language).get("/admin/", HTTP_ACCEPT_LANGUAGE="az").content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<title>{dashboard}" in html


def test_editors_can_choose_only_the_sites_three_languages_for_the_admin(admin_catalogs):
    html = editor_client("az").get("/admin/account/").content.decode()
    choices = re.search(r'<select name="locale-preferred_language".*?</select>', html, re.S).group(
        0
    )
    assert set(re.findall(r'<option value="([^"]*)"', choices)) == {"", "az", "en", "ru"}


def test_our_reviewed_wording_wins_over_the_packages_and_theirs_fills_the_gaps():
    catalog = {entry.msgid: entry.msgstr for entry in merged_catalog("django")}
    # Wagtail's az_AZ says "Boşluq" ("a blank space") for "None"; ours says "none of them".
    assert catalog["None"] == "Heç biri"
    # A string only Wagtail's az_AZ catalog translates still reaches the admin.
    assert catalog["Copy subpages"] == "Altsəhifələrin surətini çıxart"


@pytest.mark.parametrize(
    ("language", "domain"), [("az", "django"), ("az", "djangojs"), ("ru", "django")]
)
def test_reviewed_admin_catalogs_have_no_empty_or_fuzzy_entries(language, domain):
    path = django_settings.BASE_DIR / "locale" / "admin" / language / f"{domain}.po"
    po = polib.pofile(str(path))
    assert not po.untranslated_entries(), path
    assert not po.fuzzy_entries(), path


def test_the_built_catalog_is_loaded_after_the_sites_own():
    paths = [str(path) for path in django_settings.LOCALE_PATHS]
    assert paths == [
        str(django_settings.BASE_DIR / "locale"),
        str(django_settings.ADMIN_LOCALE_DIR),
    ]


def test_the_admins_scripts_speak_azerbaijani_too(admin_catalogs):
    """The StreamField editor and the translation editor take their words from /admin/jsi18n/."""
    script = editor_client("az").get("/admin/jsi18n/").content.decode()
    assert "Blok daxil et" in script  # Wagtail: "Insert a block"
    # wagtail-localize: "Download PO file" (the catalog escapes non-ASCII letters)
    assert json.dumps("PO faylını yüklə") in script
