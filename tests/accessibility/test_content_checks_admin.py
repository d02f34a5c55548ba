"""Content checks in the page editor: errors stop publishing, warnings follow a save; az/en/ru."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accessibility.content_checks import check_page
from institution.models import StandardPage
from tests.accessibility.editor_fixtures import LANGUAGES, homes, make_page_editor  # noqa: F401

pytestmark = pytest.mark.django_db

BLOCKED_MESSAGE = (
    "This page cannot be published until its accessibility problems are fixed. "
    "You can still save it as a draft."
)
# One generic link text per content language, as an editor of that language would write it.
GENERIC_LINK = {"az": "Ətraflı", "en": "Read more", "ru": "Подробнее"}


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


@pytest.fixture
def page_in(homes):  # noqa: F811
    def create(language):
        page = StandardPage(
            title=f"Mandate {language}",
            slug=f"mandate-{language}",
            body=json.dumps([{"type": "heading", "value": {"text": "Who we are", "level": "h2"}}]),
        )
        homes[language].add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return create


def signed_in_editor(client, language, page):
    editor = make_page_editor(f"editor-{language}", language, page.get_parent())
    client.force_login(editor)
    return editor


def edit_post(client, page, blocks, action):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(blocks),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    if action == "publish":
        data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def save_image_without_alt_text(client, page, language, action):
    """An editor of `language` saves or publishes `page` with an image lacking alt text."""
    signed_in_editor(client, language, page)
    image = Image.objects.create(title="Reception", file=get_test_image_file())
    body = [("image", {"image": image.pk, "alt_text": "", "decorative": "", "caption": ""})]
    return edit_post(client, page, body, action)


@pytest.mark.parametrize("language", LANGUAGES)
def test_publishing_an_image_without_alt_text_is_refused_in_the_editors_language(
    client, page_in, language
):
    page = page_in(language)
    live_revision = page.live_revision_id
    response = save_image_without_alt_text(client, page, language, "publish")

    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live_revision_id == live_revision  # Nothing was published.
    html = response.content.decode()
    message = in_language(
        language,
        "%(where)s: the image has no alternative text. Describe what it shows, or mark it "
        "as decorative if it adds nothing to the text.",
    )
    expected = message.split("%(where)s")[-1].lstrip(": ")
    assert json.dumps(expected)[1:-1] in html or expected in html
    if language != "en":
        # The whole banner is in the editor's language, Wagtail's own line included.
        assert "could not be saved" not in html
        wagtail_line = in_language(
            language, "The page could not be saved due to validation errors."
        )
        assert wagtail_line != "The page could not be saved due to validation errors."
        assert wagtail_line in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_draft_with_an_image_without_alt_text_can_be_saved(client, page_in, language):
    page = page_in(language)
    live_revision = page.live_revision_id
    response = save_image_without_alt_text(client, page, language, "draft")

    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live_revision_id == live_revision  # Still not published...
    assert page.has_unpublished_changes  # ...but the draft was saved.
    draft_body = page.get_latest_revision_as_object().body
    assert draft_body[0].block_type == "image"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_skipped_heading_and_generic_link_warn_but_publish(client, page_in, language):
    page = page_in(language)
    signed_in_editor(client, language, page)
    link_text = GENERIC_LINK[language]

    response = edit_post(
        client,
        page,
        [
            ("heading", {"text": "Who we are", "level": "h4"}),
            (
                "paragraph",
                rich_text(f'<p>The report: <a href="https://example.org/r">{link_text}</a></p>'),
            ),
        ],
        "publish",
    )

    page.refresh_from_db()
    assert page.live_revision_id == page.latest_revision_id  # Published despite the warnings.
    with translation.override(language):
        findings = check_page(page.get_latest_revision_as_object())
        expected = [
            gettext("Accessibility: %(problem)s") % {"problem": f.message} for f in findings
        ]
    assert [finding.code for finding in findings] == ["heading-order", "link-text"]
    assert expected == [m for m in messages_of(response) if m in expected]
    assert link_text in expected[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_all_caps_paragraph_warns_after_saving_a_draft(client, page_in, language):
    page = page_in(language)
    signed_in_editor(client, language, page)
    shouting = {
        "az": "MÜVƏKKİL YENİ ŞİKAYƏTLƏRİ QƏBUL ETDİ",
        "en": "THE OMBUDSMAN RECEIVED NEW COMPLAINTS",
        "ru": "УПОЛНОМОЧЕННЫЙ ПРИНЯЛ НОВЫЕ ЖАЛОБЫ",
    }[language]

    response = edit_post(client, page, [("paragraph", rich_text(f"<p>{shouting}</p>"))], "save")

    page.refresh_from_db()
    assert page.has_unpublished_changes  # The draft was saved.
    draft = page.get_latest_revision_as_object()
    with translation.override(language):
        [finding] = check_page(draft)
        expected = gettext("Accessibility: %(problem)s") % {"problem": finding.message}
    assert finding.code == "all-caps"
    assert expected in messages_of(response)


def test_warnings_are_shown_once_per_save_not_once_per_autosave(client, page_in):
    page = page_in("en")
    signed_in_editor(client, "en", page)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    blocks = [("heading", {"text": "Who we are", "level": "h4"})]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(blocks),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    # Wagtail's autosave posts the form every few seconds and asks for JSON.
    for _autosave in range(4):
        response = client.post(url, data, headers={"accept": "application/json"})
        assert response.status_code == 200 and response.json()["success"]

    response = edit_post(client, page, blocks, "save")  # The editor's own save.

    warnings = [m for m in messages_of(response) if "heading" in m and "level 4" in m]
    assert len(warnings) == 1, messages_of(response)


def test_the_table_message_names_the_column_heading_to_fill_in(page_in):
    from core.blocks import BaseStreamBlock

    page = page_in("en")
    table = {
        "caption": "Complaints by year",
        "columns": [{"type": "text", "heading": "Year"}, {"type": "number", "heading": ""}],
        "rows": [{"values": ["2024", "120"]}],
    }
    page.body = BaseStreamBlock().to_python([{"type": "table", "value": table}])
    with translation.override("en"):
        [finding] = check_page(page)
    assert finding.code == "table-header" and finding.is_error
    assert "column 2 of the table has no heading" in finding.message
    assert "“Column heading”" in finding.message
