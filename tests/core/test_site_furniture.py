"""The skeleton every page shares: skip link, landmarks, hotline; and the demo loader."""

import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Page

from home.models import HomePage, Hotline

pytestmark = pytest.mark.django_db


def test_skip_link_is_the_first_focusable_element_and_targets_main(demo_content):
    html = Client().get("/en/").content.decode()
    body = html[html.index("<body") :]
    first_link = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body).group(0)
    assert 'class="skip-link"' in first_link
    assert 'href="#main"' in first_link
    assert '<main id="main" tabindex="-1">' in html


def test_landmarks_are_present_and_navigation_is_labelled(demo_content):
    html = Client().get("/ru/").content.decode()
    for landmark in ("<header", "<main", "<footer"):
        assert landmark in html
    for nav in re.findall(r"<nav\b[^>]*>", html):
        assert "aria-label=" in nav


@pytest.mark.parametrize(
    ("language", "label"), [("az", "Çağrı mərkəzi"), ("en", "Call centre"), ("ru", "Колл-центр")]
)
def test_hotline_is_a_tel_link_with_its_label_in_each_language(demo_content, language, label):
    html = Client().get(f"/{language}/").content.decode()
    assert '<a class="hotline__number" href="tel:916">916</a>' in html
    assert label in html


def test_hotline_falls_back_to_the_default_language(demo_content):
    Hotline.objects.filter(locale__language_code="ru").delete()
    html = Client().get("/ru/").content.decode()
    assert "Çağrı mərkəzi" in html


def test_editors_can_change_the_hotline_text(demo_content):
    Hotline.objects.filter(locale__language_code="en").update(label="Free hotline")
    assert "Free hotline" in Client().get("/en/").content.decode()


def test_load_demo_content_twice_leaves_one_tree_per_locale(demo_content):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for code in ("az", "en", "ru"):
        locale = Locale.objects.get(language_code=code)
        assert HomePage.objects.filter(locale=locale).count() == 1
        assert Hotline.objects.filter(locale=locale).count() == 1
    assert Page.objects.filter(depth=2).count() == 3
    translation_keys = set(HomePage.objects.values_list("translation_key", flat=True))
    assert len(translation_keys) == 1


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    ("language", "news_link"),
    [
        ("az", '<a href="/az/xeberler/"'),
        ("en", '<a href="/en/news/"'),
        ("ru", '<a href="/ru/novosti/"'),
    ],
)
def test_the_main_menu_leads_to_the_news(demo_content, language, news_link):
    html = Client().get(f"/{language}/").content.decode()
    menu = re.search(r'<nav class="main-menu".*?</nav>', html, re.S).group(0)
    assert news_link in menu
