"""The content checks as pure functions over a page's blocks and rich text."""

import json

import pytest
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from accessibility.content_checks import (
    ERROR,
    WARNING,
    check_page,
    is_all_caps,
    is_generic_link_text,
)
from institution.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the admin tests cover the editor's language."""
    with translation.override("en"):
        yield


@pytest.fixture
def image():
    return Image.objects.create(title="Reception", file=get_test_image_file())


def page_with(*blocks):
    return StandardPage(
        title="Mandate",
        body=json.dumps([{"type": kind, "value": value} for kind, value in blocks]),
    )


def codes(findings, level=None):
    return [finding.code for finding in findings if level is None or finding.level == level]


def test_an_image_without_alt_text_is_an_error_pointing_at_its_block(image):
    findings = check_page(
        page_with(
            ("paragraph", "<p>Our office.</p>"),
            ("image", {"image": image.pk, "alt_text": "", "decorative": False, "caption": ""}),
        )
    )
    assert codes(findings) == ["image-alt"]
    [finding] = findings
    assert finding.level == ERROR
    assert finding.field_name == "body"
    assert finding.block_index == 1
    assert finding.location == "body.1.alt_text"
    assert "block 2" in finding.message


def test_an_image_with_alt_text_or_marked_decorative_passes(image):
    described = {"image": image.pk, "alt_text": "Visitors at the reception desk"}
    decorative = {"image": image.pk, "alt_text": "", "decorative": True}
    assert check_page(page_with(("image", described), ("image", decorative))) == []


def typed_table(headings):
    return {
        "caption": "Complaints by year",
        "columns": [{"type": "text", "heading": heading} for heading in headings],
        "rows": [{"values": ["2023", "1200"]}],
    }


def test_a_table_without_a_full_header_row_is_an_error():
    findings = check_page(page_with(("table", typed_table(["Year", ""]))))
    assert codes(findings, ERROR) == ["table-header"]
    assert check_page(page_with(("table", typed_table(["Year", "Complaints"])))) == []


def test_a_skipped_heading_level_warns_and_ordered_headings_do_not():
    skipped = check_page(
        page_with(
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("heading", {"text": "Regional offices", "level": "h4"}),
        )
    )
    assert codes(skipped, WARNING) == ["heading-order"]
    assert skipped[0].block_index == 1
    ordered = page_with(
        ("heading", {"text": "Who we are", "level": "h2"}),
        ("heading", {"text": "Regional offices", "level": "h3"}),
        ("heading", {"text": "Reports", "level": "h2"}),
    )
    assert check_page(ordered) == []


def test_the_first_heading_after_the_title_must_be_level_two():
    findings = check_page(page_with(("heading", {"text": "Details", "level": "h3"})))
    assert codes(findings) == ["heading-order"]


def test_headings_inside_rich_text_count_in_the_same_outline():
    findings = check_page(
        page_with(
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", "<h4>Too deep</h4><p>Text.</p>"),
        )
    )
    assert codes(findings) == ["heading-order"]


@pytest.mark.parametrize(
    "text",
    [
        "Ətraflı",
        "daha çox",
        "Buraya klikləyin",
        "Click here",
        "Read more…",
        "here",
        "Подробнее",
        "здесь",
        "Нажмите здесь",
        "Читать далее →",
    ],
)
def test_generic_link_text_warns_in_all_three_languages(text):
    findings = check_page(page_with(("paragraph", f'<p>Report: <a href="/r/">{text}</a></p>')))
    assert codes(findings) == ["link-text"]
    assert findings[0].level == WARNING
    assert text.strip() in findings[0].message


@pytest.mark.parametrize(
    "text", ["Annual report 2024", "İllik hesabat 2024", "Ежегодный доклад за 2024 год"]
)
def test_descriptive_link_text_passes(text):
    assert not is_generic_link_text(text)
    assert check_page(page_with(("paragraph", f'<p><a href="/r/">{text}</a></p>'))) == []


@pytest.mark.parametrize(
    "text",
    [
        "THE OMBUDSMAN RECEIVED NEW COMPLAINTS",
        "MÜVƏKKİL YENİ ŞİKAYƏTLƏRİ QƏBUL ETDİ",
        "УПОЛНОМОЧЕННЫЙ ПРИНЯЛ НОВЫЕ ЖАЛОБЫ",
    ],
)
def test_all_caps_paragraphs_warn_in_all_three_languages(text):
    assert is_all_caps(text)
    findings = check_page(page_with(("paragraph", f"<p>{text}</p>")))
    assert codes(findings, WARNING) == ["all-caps"]


def test_short_acronyms_and_normal_sentences_are_not_shouting():
    page = page_with(("paragraph", "<p>UNESCO and OSCE.</p><p>The OSCE office opened.</p>"))
    assert check_page(page) == []


def test_a_news_lead_image_without_alt_text_is_an_error(image):
    from news.models import NewsPage

    article = NewsPage(title="Report", lead_image=image, lead_image_alt=" ")
    findings = check_page(article)
    assert [finding.code for finding in findings] == ["lead-image-alt"]
    assert findings[0].field_name == "lead_image_alt"
    article.lead_image_alt = "The Commissioner presents the annual report"
    assert check_page(article) == []


def test_publishing_errors_are_pinned_to_their_blocks_in_the_editor(image):
    from accessibility.forms import AccessibilityCheckedPageForm

    page = page_with(
        ("heading", {"text": "Who we are", "level": "h2"}),
        ("image", {"image": image.pk, "alt_text": "", "decorative": False}),
        ("table", typed_table(["Year", ""])),
    )
    error = AccessibilityCheckedPageForm._field_error(None, check_page(page))
    data = error.as_json_data()
    assert set(data["blockErrors"]) == {1, 2}
    assert "alternative text" in data["blockErrors"][1]["messages"][0]
    # The fix the editor can make in the table editor: the column heading (issue 13).
    assert "“Column heading”" in data["blockErrors"][2]["messages"][0]
    assert "block 2" in error.message and "block 3" in error.message


def test_a_document_links_generic_text_warns():
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Annual report", file="documents/report.pdf")
    link = {"document": document.pk, "link_text": "Подробнее", "language": "ru"}
    findings = check_page(page_with(("document", link)))
    assert [(finding.code, finding.location) for finding in findings] == [
        ("link-text", "body.0.link_text")
    ]
    link["link_text"] = "Annual report 2024"
    assert check_page(page_with(("document", link))) == []
