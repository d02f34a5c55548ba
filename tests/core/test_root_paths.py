"""The memoised site root paths (core/root_paths.py) are Wagtail's own, with one site or more."""

import pytest
from django.utils import translation
from wagtail.models import Site

from core.root_paths import site_root_paths
from pagecache.keys import bump_generation

pytestmark = pytest.mark.django_db


def wagtails():
    Site.clear_site_root_paths_cache()
    return sorted(Site.get_site_root_paths())


def ours():
    return sorted(site_root_paths())


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_for_the_demo_site_they_are_wagtails_in_every_language(demo_content, language):
    with translation.override(language):
        assert ours() == wagtails()
        assert {path.language_code for path in ours()} == {"az", "en", "ru"}


def test_a_home_page_moved_to_a_new_slug_shows_after_its_publish(demo_content):
    home = Site.objects.get(is_default_site=True).root_page
    before = ours()
    english = home.get_translations().filter(locale__language_code="en").get().specific
    english.slug = "english-home"
    english.save_revision().publish()
    bump_generation(visibility=False)  # as the publish's purge does after its commit

    assert ours() == wagtails() != before


def test_with_a_second_site_they_are_wagtails(demo_content):
    home = Site.objects.get(is_default_site=True).root_page
    Site.objects.create(hostname="second.example", port=443, root_page=home, is_default_site=False)
    bump_generation()

    assert ours() == wagtails()
    assert len({path.site_id for path in ours()}) == 2
