"""Shared set-up for the editor-tooling tests: a home page per language and signed-in editors."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.users.models import UserProfile

from home.models import HomePage

LANGUAGES = ("az", "en", "ru")


@pytest.fixture
def homes(db):
    """A home page in each language, directly under the root (as the demo has them)."""
    root = Page.get_first_root_node()
    pages = {}
    for code in LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        home = HomePage(title=f"Home {code}", slug=f"home-{code}", locale=locale)
        root.add_child(instance=home)
        pages[code] = home
    return pages


def make_user(username, language="en", superuser=False, permissions=()):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.org", "pw")
    else:
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in permissions:
            user.user_permissions.add(Permission.objects.get(codename=codename))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def make_page_editor(username, language, root_page):
    """A non-superuser editor who may edit and publish pages under `root_page`."""
    user = make_user(username, language)
    group, _created = Group.objects.get_or_create(name="Editors (test)")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user.groups.add(group)
    return user
