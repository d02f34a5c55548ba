"""The shared body blocks: what each renders for a visitor, and what each refuses from an editor."""

import pytest
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText
from wagtail_localize.segments import StringSegmentValue

from core.blocks import BaseStreamBlock, ImageBlock, TableBlock, VideoBlock
from core.demo_images import demo_image
from news.demo_documents import demo_document

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=demo-video"
TABLE_DATA = {
    "caption": "Complaints by subject",
    "columns": [{"type": "text", "heading": "Subject"}, {"type": "number", "heading": "Number"}],
    "rows": [{"values": ["Labour rights", "1874"]}, {"values": ["Housing", "1630"]}],
}


def render_stream(items):
    block = BaseStreamBlock()
    value = block.to_python(
        [
            {"type": name, "value": value, "id": f"block-{index}"}
            for index, (name, value) in enumerate(items)
        ]
    )
    with translation.override("en"):
        return block.render(value)


@pytest.fixture
def picture():
    return demo_image("Block test picture", "#204060", ["Test"], alt_text="A test picture")


def test_image_block_renders_its_own_alt_text_and_caption(picture):
    html = render_stream(
        [
            (
                "image",
                {"image": picture.pk, "alt_text": "Staff meet residents", "caption": "Ganja, 2025"},
            )
        ]
    )
    assert '<figure class="block-image">' in html
    assert 'alt="Staff meet residents"' in html
    assert "<figcaption>Ganja, 2025</figcaption>" in html


def test_decorative_image_has_an_empty_alt_even_if_alt_text_was_typed(picture):
    html = render_stream(
        [("image", {"image": picture.pk, "alt_text": "Ignored words", "decorative": True})]
    )
    assert 'alt=""' in html
    assert "Ignored words" not in html


def test_image_block_lets_a_draft_without_alt_text_be_saved(picture):
    # Drafts can always be saved: a missing alt text blocks publishing (accessibility content
    # checks, tested in tests/accessibility), not the block's own validation.
    block = ImageBlock()
    value = block.to_python({"image": picture.pk, "alt_text": " ", "decorative": False})
    assert block.clean(value)["decorative"] is False
    decorative = block.to_python({"image": picture.pk, "alt_text": "", "decorative": True})
    assert block.clean(decorative)["decorative"] is True


def test_heading_block_renders_the_chosen_level():
    html = render_stream([("heading", {"text": "Outcomes", "level": "h3"})])
    assert '<h3 class="block-heading">Outcomes</h3>' in html


def test_quote_block_renders_a_blockquote_with_its_attribution():
    html = render_stream([("quote", {"text": "Access is a right.", "attribution": "A trainer"})])
    assert "<blockquote><p>Access is a right.</p></blockquote>" in html
    assert "<figcaption>A trainer</figcaption>" in html


def test_table_block_has_a_header_row_a_caption_and_a_labelled_scrollable_region():
    html = render_stream([("table", TABLE_DATA)])
    assert '<th scope="col">Subject</th><th scope="col">Number</th>' in html
    assert '<caption id="table-block-0">Complaints by subject</caption>' in html
    assert 'role="region" aria-labelledby="table-block-0" tabindex="0"' in html
    assert "<td>Labour rights</td><td>1874</td>" in html


def test_table_block_refuses_a_table_without_caption():
    block = TableBlock()
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            block.clean(block.to_python({**TABLE_DATA, "caption": ""}))
        assert "Give the table a caption" in str(error.value.non_block_errors)


def test_table_block_lets_a_draft_with_a_missing_heading_be_saved():
    # A missing header cell blocks publishing (content checks), not saving a draft.
    block = TableBlock()
    columns = [{"type": "text", "heading": "Subject"}, {"type": "number", "heading": ""}]
    cleaned = block.clean(block.to_python({**TABLE_DATA, "columns": columns}))
    assert [column["heading"] for column in cleaned.columns] == ["Subject", ""]


def test_table_text_is_translated_through_wagtail_localize_segments():
    block = TableBlock()
    table = block.to_python(TABLE_DATA)
    segments = block.get_translatable_segments(table)
    texts = {segment.path: segment.render_text() for segment in segments}
    assert texts == {
        "caption": "Complaints by subject",
        "heading.0": "Subject",
        "heading.1": "Number",
        "cell.0.0": "Labour rights",
        "cell.1.0": "Housing",
    }
    russian = {
        "caption": "Обращения по темам",
        "heading.0": "Тема",
        "heading.1": "Число",
        "cell.0.0": "Трудовые права",
        "cell.1.0": "Жильё",
    }
    translated = block.restore_translated_segments(
        table, [StringSegmentValue(path, text) for path, text in russian.items()]
    )
    assert translated.caption == "Обращения по темам"
    assert [column["heading"] for column in translated.columns] == ["Тема", "Число"]
    assert [row["values"][0] for row in translated.row_data] == ["Трудовые права", "Жильё"]
    assert str(translated.row_data[0]["values"][1]) == "1874"


def test_video_block_offers_a_link_and_the_transcript_without_calling_the_video_site():
    Embed.objects.create(
        url=VIDEO_URL,
        max_width=None,
        hash=get_embed_hash(VIDEO_URL, None, None),
        type="video",
        html='<iframe title="Open day" src="https://www.youtube.com/embed/demo-video"></iframe>',
    )
    html = render_stream(
        [
            (
                "video",
                {
                    "title": "Open day",
                    "video": VIDEO_URL,
                    "transcript": "<p>The Commissioner welcomes visitors.</p>",
                },
            )
        ]
    )
    assert '<iframe title="Open day"' in html
    assert f'<a href="{VIDEO_URL}">Watch “Open day” on the video' in html
    assert "<details>" in html
    assert "<summary>Transcript of “Open day”</summary>" in html
    assert "<p>The Commissioner welcomes visitors.</p>" in html


def test_video_block_requires_a_transcript():
    block = VideoBlock()
    value = block.to_python({"title": "Open day", "video": VIDEO_URL, "transcript": ""})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "transcript" in error.value.block_errors


def test_document_block_shows_format_size_and_language():
    document = demo_document("Block test report", "block-test-report.pdf", ["Line one"], "en")
    html = render_stream(
        [("document", {"document": document.pk, "link_text": "Annual report", "language": "en"})]
    )
    assert 'hreflang="en">Annual report</a>' in html
    with translation.override("en"):
        assert f"(PDF, {filesizeformat(document.file_size)}, " in html
    # Said in the page's language (English here), as "in English", not as a language's own name.
    assert ", in English)</span>" in html


def test_paragraph_block_renders_rich_text_in_prose():
    html = render_stream([("paragraph", RichText("<p>Hello <b>world</b></p>").source)])
    assert '<div class="block-paragraph prose"><p>Hello <b>world</b></p></div>' in html
