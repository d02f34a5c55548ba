"""A small trilingual site for the translation tests, quicker than the whole demo."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, Page, Site

from core.demo_translation import translate_instance
from home.models import HomePage

HOME_TITLES = {"az": "Ombudsman", "en": "Ombudsman (en)", "ru": "Омбудсман"}


class TrilingualSite:
    """The az home page, its en and ru translations, and helpers to add content."""

    def __init__(self, user):
        self.user = user
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in HOME_TITLES
        }
        # A transactional test (a live server) starts from a flushed database, without the root.
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
        self.home = root.add_child(instance=HomePage(title=HOME_TITLES["az"], slug="az"))
        self.home.save_revision(user=user).publish(user=user)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": self.home},
        )
        self.homes = {"az": self.home}
        for code in ("en", "ru"):
            strings = {HOME_TITLES["az"]: HOME_TITLES[code], "az": code}
            self.homes[code] = translate_instance(self.home, code, strings, user)

    def add_page(self, page, parent=None):
        """Add and publish `page` (an unsaved az page) under `parent` or the az home."""
        (parent or self.home).add_child(instance=page)
        page.save_revision(user=self.user).publish(user=self.user)
        page.refresh_from_db()
        return page


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def site(superuser):
    return TrilingualSite(superuser)


@pytest.fixture
def admin_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client
