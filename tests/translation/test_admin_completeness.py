"""The admin in Azerbaijani: every Wagtail and wagtail-localize string translated, no English."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from core.admin_translations import admin_msgids, untranslated_admin_msgids
from institution.models import StandardPage
from tests.translation.test_admin_language import admin_catalogs, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["az", "ru"])
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_admin_msgid_of_the_packages_we_ship_is_translated(
    admin_catalogs,  # noqa: F811
    domain,
    language,
):
    """The CI check: a Wagtail or wagtail-localize upgrade that adds strings fails here."""
    assert len(admin_msgids(domain)) > 100
    missing = untranslated_admin_msgids(domain, language)
    listing = "\n".join(f"{where}: {msgid!r}" for msgid, where in sorted(missing.items()))
    assert not missing, (
        f"{len(missing)} admin strings have no translation in {language}; add them to "
        f"locale/admin/{language}/{domain}.po:\n{listing}"
    )


class VisibleText(HTMLParser):
    """The text a person reads or hears: text nodes and labelling attributes, nothing hidden."""

    LABELS = ("aria-label", "title", "placeholder", "alt")
    NEVER_SHOWN = ("script", "style", "template")
    VOID = ("area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")

    def __init__(self):
        super().__init__()
        self.texts, self.hidden_depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if not self.hidden_depth:
                self.texts += [v.strip() for n, v in attrs if n in self.LABELS and v]
            return
        if self.hidden_depth:
            self.hidden_depth += 1
        elif tag in self.NEVER_SHOWN or "hidden" in dict(attrs):
            self.hidden_depth = 1
        else:
            self.texts += [v.strip() for n, v in attrs if n in self.LABELS and v]

    def handle_endtag(self, tag):
        if self.hidden_depth and tag not in self.VOID:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth and data.strip():
            self.texts.append(" ".join(data.split()))


def english_left_in(html):
    """Texts that are an admin msgid whose Azerbaijani differs: English shown by mistake."""
    english = {msgid for _context, msgid, _plural in admin_msgids("django")}
    parser = VisibleText()
    parser.feed(html)
    with translation.override("az"):
        return sorted(
            {
                text
                for text in parser.texts
                if text in english and re.search("[A-Za-z]{3}", text)
                if translation.gettext(text) != text
            }
        )


@pytest.fixture
def translated_page(site):
    """An az page with an English translation in progress, as translators meet it."""
    page = site.add_page(StandardPage(title="Mandat", slug="mandat", intro="Giriş.", body=[]))
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation_record = Translation.objects.create(source=source, target_locale=site.locales["en"])
    translation_record.save_target(publish=False)
    return page, page.get_translation(site.locales["en"])


def test_the_screens_an_editor_uses_show_no_english(admin_catalogs, translated_page):  # noqa: F811
    page, english = translated_page
    client = editor_client("az")
    explorer = Page.objects.get(depth=2, locale__language_code="az").pk
    screens = [
        "/admin/",
        f"/admin/pages/{explorer}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/unpublish/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{english.pk}/edit/",  # wagtail-localize's translation editor
        "/admin/pages/search/?q=Mandat",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/redirects/",
        "/admin/redirects/add/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/workflows/list/",
    ]
    found = {}
    for path in screens:
        response = client.get(path)
        assert response.status_code == 200, path
        left = english_left_in(response.content.decode())
        if left:
            found[path] = left
    privacy = client.get(f"/admin/pages/{page.pk}/privacy/")
    left = english_left_in(json.loads(privacy.content)["html"])
    if left:
        found["privacy"] = left
    assert not found, found


def test_the_check_finds_english_on_a_screen():
    """The check itself: an untranslated label is caught, a translated one is not."""
    assert english_left_in('<button aria-label="Preview mode">Actions</button>') == [
        "Actions",
        "Preview mode",
    ]
    assert english_left_in("<p>Önbaxış rejimi</p><script>'Actions'</script>") == []
    assert english_left_in("<div hidden><span>Actions</span></div><p>Sil</p>") == []
