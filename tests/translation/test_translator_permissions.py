"""Translator groups: each translator edits and publishes only their own language."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from core.demo_translation import translate_instance
from core.translators import TRANSLATOR_GROUP_NAMES, setup_translator_groups
from home.models import Hotline

pytestmark = pytest.mark.django_db


@pytest.fixture
def hotlines(site):
    source = Hotline.objects.create(
        locale=site.locales["az"], number="916", label="Çağrı mərkəzi", hours="Gecə-gündüz"
    )
    found = {"az": source}
    for code, (label, hours) in {
        "en": ("Call centre", "Day and night"),
        "ru": ("Колл-центр", "Круглосуточно"),
    }.items():
        found[code] = translate_instance(
            source, code, {"Çağrı mərkəzi": label, "Gecə-gündüz": hours}, site.user
        )
    return found


@pytest.fixture
def groups(site):
    return setup_translator_groups()


def translator(groups, language, username=None):
    user = get_user_model().objects.create_user(username or f"translator-{language}", password="pw")
    user.groups.add(groups[language])
    client = Client()
    client.force_login(user)
    return user, client


def test_one_group_per_language_and_running_again_changes_nothing(groups):
    assert {code: group.name for code, group in groups.items()} == TRANSLATOR_GROUP_NAMES
    before = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in groups.values()
    }
    setup_translator_groups()
    after = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.filter(name__in=TRANSLATOR_GROUP_NAMES.values())
    }
    assert after == before
    assert Group.objects.filter(name__in=TRANSLATOR_GROUP_NAMES.values()).count() == 3


def test_a_translator_edits_and_publishes_only_their_languages_pages(site, groups):
    user, _client = translator(groups, "en")
    english = site.homes["en"].permissions_for_user(user)
    assert english.can_edit() and english.can_publish() and english.can_add_subpage()
    for other in ("az", "ru"):
        permissions = site.homes[other].permissions_for_user(user)
        assert not permissions.can_edit() and not permissions.can_publish()


def test_the_admin_opens_a_translators_own_pages_and_refuses_the_others(site, groups):
    _user, client = translator(groups, "ru")
    own = client.get(reverse("wagtailadmin_pages:edit", args=[site.homes["ru"].pk]))
    assert own.status_code == 200
    for other in ("az", "en"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[site.homes[other].pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def hotline_url(action, hotline=None):
    name = f"wagtailsnippets_home_hotline:{action}"
    return reverse(name, args=[hotline.pk]) if hotline else reverse(name)


def test_a_translator_edits_their_languages_snippet(hotlines, groups):
    _user, client = translator(groups, "en")
    assert client.get(hotline_url("edit", hotlines["en"])).status_code == 200


def test_a_translator_cannot_open_or_change_another_languages_snippet(hotlines, groups):
    _user, client = translator(groups, "en")
    russian = hotlines["ru"]
    opened = client.get(hotline_url("edit", russian))
    assert opened.status_code == 302 and opened["Location"] == reverse("wagtailadmin_home")
    client.post(hotline_url("edit", russian), {"number": "000", "label": "Hacked", "hours": ""})
    russian.refresh_from_db()
    assert (russian.number, russian.label) == ("916", "Колл-центр")
    client.post(hotline_url("delete", russian))
    assert Hotline.objects.filter(pk=russian.pk).exists()


def test_a_translator_creates_snippets_only_in_their_language(site, groups):
    _user, client = translator(groups, "en")
    assert client.get(hotline_url("add") + "?locale=en").status_code == 200
    refused = client.get(hotline_url("add") + "?locale=ru")
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")


def test_only_source_language_translators_send_pages_for_translation(groups):
    az_user, _client = translator(groups, "az")
    en_user, _client = translator(groups, "en")
    assert az_user.has_perm("wagtail_localize.submit_translation")
    assert not en_user.has_perm("wagtail_localize.submit_translation")


def test_an_administrator_who_also_translates_is_not_restricted_by_language(hotlines, groups):
    user, client = translator(groups, "en")
    user.is_superuser = True
    user.save()
    assert client.get(hotline_url("edit", hotlines["ru"])).status_code == 200
