"""The one shared set of StreamField blocks used by every page body on the site.

Each block renders through its own template in ``templates/blocks/`` (no HTML is built here).

Tables: the ``table`` block is Wagtail's ``TypedTableBlock`` (app
``wagtail.contrib.typed_table_block``).
Its *header row* is the list of column headings: every column an editor adds has a ``heading``,
stored as ``value.columns[i]["heading"]`` (in the raw JSON: ``{"columns": [{"type": "text",
"heading": "Year"}, ...], "rows": [{"values": [...]}, ...], "caption": "..."}``). The template
renders these headings as one row of ``<th scope="col">``; the caption is rendered as the table's
``<caption>``. Both the caption and every column heading are required (checked in ``clean``), so a
published table always has a header row and an accessible name. Text cells, headings and the
caption are translatable through wagtail-localize (see ``TranslatableTypedTableBlock``).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import (
    TypedTable,
    TypedTableBlock,
    TypedTableBlockValidationError,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    """A run of prose: paragraphs, lists and links (headings have their own block)."""

    class Meta:
        template = "blocks/paragraph.html"
        icon = "pilcrow"
        label = _("Paragraph")


class HeadingBlock(blocks.StructBlock):
    """A section heading; h1 is the page title, so levels start at h2."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Heading 2 (a section)")),
            ("h3", _("Heading 3 (a subsection)")),
            ("h4", _("Heading 4 (a sub-subsection)")),
        ],
        default="h2",
        help_text=_("Keep headings in order: do not skip a level."),
    )

    class Meta:
        template = "blocks/heading.html"
        icon = "title"
        label = _("Heading")


class ImageBlock(blocks.StructBlock):
    """An image with the alt text of this use of it, or marked as decorative, and a caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=300,
        help_text=_(
            "What the image shows, for people who cannot see it. "
            "Required unless the image is purely decorative."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds no information; screen readers will skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        template = "blocks/image.html"
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    """A quotation and who said it."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, max_length=200, help_text=_("Who said it")
    )

    class Meta:
        template = "blocks/quote.html"
        icon = "openquote"
        label = _("Quote")


class VideoBlock(blocks.StructBlock):
    """An embedded video, always with its transcript (WCAG 1.2.1 and 1.2.3)."""

    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Names the video player for screen readers.")
    )
    video = EmbedBlock(label=_("Video address"), help_text=_("For example a YouTube link."))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything said and shown in the video, for people who cannot watch it."),
    )

    class Meta:
        template = "blocks/video.html"
        icon = "media"
        label = _("Video")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document, with its format, size and language shown next to it."""

    document = DocumentChooserBlock(label=_("Document"))
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        help_text=_("Say what the document is, for example: Annual report 2024."),
    )
    language = blocks.ChoiceBlock(
        label=_("Language of the document"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        template = "blocks/document_link.html"
        icon = "doc-full"
        label = _("Document")


class TranslatableTypedTableBlock(TypedTableBlock):
    """A typed table whose caption, column headings and text cells wagtail-localize translates."""

    def get_translatable_segments(self, table):
        segments = []
        if table.caption:
            segments.append(StringSegmentValue("caption", table.caption))
        for column_index, column in enumerate(table.columns):
            if column["heading"]:
                segments.append(StringSegmentValue(f"heading.{column_index}", column["heading"]))
        for row_index, row in enumerate(table.row_data):
            for column_index, column in enumerate(table.columns):
                cell = row["values"][column_index]
                if isinstance(column["block"], blocks.CharBlock) and cell:
                    path = f"cell.{row_index}.{column_index}"
                    segments.append(StringSegmentValue(path, cell))
        return segments

    def restore_translated_segments(self, table, segments):
        translations = {segment.path: segment.render_text() for segment in segments}
        columns = [
            {**column, "heading": translations.get(f"heading.{index}", column["heading"])}
            for index, column in enumerate(table.columns)
        ]
        row_data = [
            {
                "values": [
                    translations.get(f"cell.{row_index}.{column_index}", cell)
                    for column_index, cell in enumerate(row["values"])
                ]
            }
            for row_index, row in enumerate(table.row_data)
        ]
        caption = translations.get("caption", table.caption)
        return TypedTable(columns=columns, row_data=row_data, caption=caption)

    def clean(self, table):
        cleaned = super().clean(table)
        problems = []
        if not (cleaned.caption or "").strip():
            problems.append(_("Give the table a caption that says what it shows."))
        if not cleaned.columns:
            problems.append(_("Add at least one column."))
        if problems:
            raise TypedTableBlockValidationError(non_block_errors=problems)
        return cleaned


class TableBlock(TranslatableTypedTableBlock):
    """A data table; its column headings form the header row."""

    text = blocks.CharBlock(label=_("Text"), required=False)
    number = blocks.DecimalBlock(label=_("Number"), required=False)

    class Meta:
        template = "blocks/table.html"
        icon = "table"
        label = _("Table")


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every page type offers editors."""

    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    table = TableBlock()

    class Meta:
        template = "blocks/stream.html"
