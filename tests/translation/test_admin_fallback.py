"""A Russian editor meets English where a catalog lacks a string, never Azerbaijani."""

import re

import polib
import pytest
from django.utils import translation

from tests.translation.test_admin_language import admin_catalogs, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db

# Words of the admin's Azerbaijani catalog that Russian has no use for.
AZERBAIJANI_WORDS = re.compile(r"içindən|Axtarış|Səhifələr|Dərc et|[əƏ]")
# Names of languages in their own language, shown in the admin's locale menus on purpose.
LANGUAGE_NAMES = re.compile(r"Azərbaycanca|Azerbaijani|Азербайджанский")


def azerbaijani_in(text):
    return AZERBAIJANI_WORDS.findall(LANGUAGE_NAMES.sub("", text))


PAGINATION = "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"


@pytest.fixture
def azerbaijani_only_string(admin_catalogs, tmp_path_factory, settings):  # noqa: F811
    """A msgid translated in Azerbaijani alone, as a package upgrade's new string would be."""
    folder = tmp_path_factory.mktemp("az-only")
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "az"}
    catalog.append(polib.POEntry(msgid=AZERBAIJANI_ONLY, msgstr="Yalnız Azərbaycan dilində"))
    (folder / "az" / "LC_MESSAGES").mkdir(parents=True)
    catalog.save_as_mofile(str(folder / "az" / "LC_MESSAGES" / "django.mo"))
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, folder]
    return AZERBAIJANI_ONLY


AZERBAIJANI_ONLY = "A string only the Azerbaijani catalog has"


def test_a_string_missing_in_russian_is_english(azerbaijani_only_string):
    with translation.override("az"):
        assert translation.gettext(azerbaijani_only_string) == "Yalnız Azərbaycan dilində"
    with translation.override("ru"):
        assert translation.gettext(azerbaijani_only_string) == azerbaijani_only_string


@pytest.mark.parametrize(("language", "shown"), [("az", "1–3 (cəmi 3)"), ("ru", "1–3 (всего 3)")])
def test_the_search_results_count_reads_naturally(admin_catalogs, language, shown):  # noqa: F811
    """Wagtail passes no model name to its search results' count ("3 None"): ours needs none."""
    with translation.override(language):
        wording = translation.gettext(PAGINATION)
    assert "%(model_name)s" not in wording
    assert wording % {"start_index": 1, "end_index": 3, "items_count": 3} == shown


def test_our_russian_corrects_wagtails_where_it_misleads(admin_catalogs):  # noqa: F811
    """Wagtail's Russian says "unplanned publication" for "Unschedule publication"."""
    unschedule = "Unschedule publication"  # a variable: the site's catalog must not list it
    with translation.override("ru"):
        assert translation.gettext(unschedule) == "Отменить запланированную публикацию"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/pages/2/",
        "/admin/pages/search/?q=Welcome",
        "/admin/pages/2/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/redirects/",
        "/admin/reports/site-history/",
        "/admin/jsi18n/",
        "/admin/localize/jsi18n/",
    ],
)
def test_a_russian_editor_sees_no_azerbaijani(admin_catalogs, path):  # noqa: F811
    response = editor_client("ru").get(path, HTTP_ACCEPT_LANGUAGE="az")
    assert response.status_code == 200, path
    assert response.get("Content-Language", "ru") == "ru"
    text = response.content.decode()
    if path.endswith("jsi18n/"):
        # The catalog escapes non-ASCII letters: read it as the browser does.
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda found: chr(int(found[1], 16)), text)
    assert not azerbaijani_in(text), (path, azerbaijani_in(text)[:10])


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [("en", "Permanent", "Daimi"), ("ru", "Постоянный", "Daimi"), ("az", "Daimi", "Permanent")],
)
def test_labels_wagtail_translates_at_import_follow_the_editor(
    admin_catalogs,  # noqa: F811
    language,
    shown,
    not_shown,
):
    """The redirects filter's labels were frozen in the default language (az) for everyone."""
    html = editor_client(language).get("/admin/redirects/").content.decode()
    assert shown in html
    assert not_shown not in html
