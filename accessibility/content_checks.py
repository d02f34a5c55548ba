"""Accessibility checks of a page's content, run when an editor saves or publishes.

Pure functions over a page's field values (StreamField blocks and rich text): they return
`Finding`s, each with a level (errors block publishing, warnings only inform), a message in the
active language and the place it points at (the field, the top-level block index and the path
inside the block). Nothing here touches the database or the request.

Block conventions (a site's blocks follow them): an image is either Wagtail's `ImageBlock` (its
value is an image carrying `contextual_alt_text` and `decorative`) or a struct block with an image
chooser and `alt_text` / `decorative` children; a table is Wagtail's `TableBlock` (its value a dict
with `first_row_is_table_header`) or a struct block with a table and a header-row flag; a heading is
a struct block with `level` and `text`. A typed table (`TypedTableBlock`) has a header row when
every column has a heading. A page's lead image is a foreign key to an image with a companion
`<name>_alt_text` (or `<name>_alt`) field.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.contrib.typed_table_block.blocks import TypedTable
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

ERROR = "error"
WARNING = "warning"

# Link texts that say nothing out of context (WCAG 2.4.4), in az, en and ru, lower-cased and
# without surrounding punctuation.
GENERIC_LINK_TEXTS = frozenset(
    {
        # English
        "click here",
        "click",
        "here",
        "read more",
        "more",
        "more info",
        "more information",
        "learn more",
        "link",
        "this link",
        "details",
        "continue reading",
        "see more",
        # Azərbaycanca
        "ətraflı",
        "daha çox",
        "daha ətraflı",
        "buraya klikləyin",
        "buraya basın",
        "klikləyin",
        "burada",
        "bura",
        "keçid",
        "oxu",
        "davamı",
        "davamını oxu",
        # Русский
        "подробнее",
        "здесь",
        "тут",
        "нажмите здесь",
        "нажмите",
        "читать далее",
        "читать",
        "далее",
        "ещё",
        "еще",
        "больше",
        "ссылка",
        "по ссылке",
        "узнать больше",
    }
)
# Paragraphs shorter than this many letters ("NB", "UNESCO") are not shouting.
ALL_CAPS_MIN_LETTERS = 12
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
ALT_TEXT_NAMES = ("alt_text", "alt")
HEADER_ROW_NAMES = ("first_row_is_table_header", "header_row", "has_header_row")


@dataclass
class Finding:
    """One problem found in a page's content."""

    level: str  # ERROR or WARNING
    code: str  # a stable identifier: "image-alt", "table-header", "heading-order", ...
    message: str  # in the active language
    field_name: str  # the page field it is in
    block_index: int | None = None  # the top-level StreamField block, when in a StreamField
    path: tuple = field(default_factory=tuple)  # field, then block indexes / names inside it

    @property
    def is_error(self):
        return self.level == ERROR

    @property
    def location(self):
        return ".".join(str(part) for part in self.path)


@dataclass
class _Walk:
    """State carried through one page's content, in reading order."""

    page_label: str
    findings: list = field(default_factory=list)
    previous_heading_level: int = 1  # the page title is the h1
    field_label: str = ""
    field_name: str = ""
    block_index: int | None = None

    def add(self, level, code, message, path):
        self.findings.append(
            Finding(level, code, message, self.field_name, self.block_index, tuple(path))
        )

    def where(self, block_position=None, block_label=None):
        """A human description of the place: "Body, block 3 (Image)" or "Introduction"."""
        if block_position is None:
            return self.field_label
        return _("%(field)s, block %(number)s (%(block)s)") % {
            "field": self.field_label,
            "number": block_position + 1,
            "block": block_label,
        }


def check_page(page):
    """All findings for a page (saved or not), in reading order: lead image, then each field."""
    walk = _Walk(page_label=str(page.title))
    _check_lead_images(page, walk)
    for model_field in page._meta.get_fields():
        if not isinstance(model_field, StreamField | RichTextField):
            continue
        walk.field_name = model_field.name
        walk.field_label = capfirst(str(model_field.verbose_name))
        walk.block_index = None
        value = getattr(page, model_field.name, None)
        if isinstance(model_field, StreamField):
            _check_stream(value, walk, (model_field.name,))
        else:
            _check_rich_text(value, walk, (model_field.name,), walk.where())
    return walk.findings


def errors(findings):
    return [finding for finding in findings if finding.level == ERROR]


def warnings(findings):
    return [finding for finding in findings if finding.level == WARNING]


# Lead images ----------------------------------------------------------------------------------


def _check_lead_images(page, walk):
    image_model = get_image_model()
    for model_field in page._meta.get_fields():
        if not isinstance(model_field, models.ForeignKey):
            continue
        if model_field.related_model is not image_model:
            continue
        if getattr(page, model_field.attname, None) is None:
            continue
        alt_field = _companion_alt_field(page, model_field.name)
        if alt_field is None:
            continue
        if not str(getattr(page, alt_field) or "").strip():
            walk.field_name = alt_field
            walk.block_index = None
            walk.add(
                ERROR,
                "lead-image-alt",
                _(
                    "%(field)s: the image has no alternative text. Describe what the image "
                    "shows for people who cannot see it."
                )
                % {"field": capfirst(str(model_field.verbose_name))},
                (alt_field,),
            )


def _companion_alt_field(page, image_field_name):
    names = {model_field.name for model_field in page._meta.get_fields()}
    for suffix in ALT_TEXT_NAMES:
        candidate = f"{image_field_name}_{suffix}"
        if candidate in names:
            return candidate
    return None


# StreamField ----------------------------------------------------------------------------------


def _check_stream(stream_value, walk, path, top_level=True):
    if not stream_value:
        return
    for index, child in enumerate(stream_value):
        if top_level:
            walk.block_index = index
        label = capfirst(str(child.block.label or child.block_type))
        where = walk.where(index, label) if top_level else walk.where(walk.block_index, label)
        _check_block(child.block, child.value, walk, (*path, index), where)


def _check_block(block, value, walk, path, where):
    from wagtail.images.blocks import ImageBlock

    if isinstance(block, ImageBlock):
        _check_image(value, getattr(value, "contextual_alt_text", ""), value, walk, path, where)
        return
    if _is_table_value(value):
        _check_table(value, walk, path, where)
        return
    if isinstance(value, RichText):
        _check_rich_text(value.source, walk, path, where)
        return
    if isinstance(value, StreamValue):
        _check_stream(value, walk, path, top_level=False)
        return
    if isinstance(value, ListValue):
        for position, item in enumerate(value):
            _check_block(block.child_block, item, walk, (*path, position), where)
        return
    if isinstance(value, StructValue):
        _check_struct(block, value, walk, path, where)


def _check_struct(block, value, walk, path, where):
    image_name = _image_child_name(block)
    if image_name is not None:
        alt_name = next((name for name in ALT_TEXT_NAMES if name in value), None)
        if alt_name is not None:
            decorative = bool(value.get("decorative"))
            image = value.get(image_name)
            _check_image(
                image,
                value.get(alt_name),
                _Decorative(decorative),
                walk,
                (*path, alt_name),
                where,
            )
    header_flag = next((name for name in HEADER_ROW_NAMES if name in value), None)
    if header_flag is not None and not value.get(header_flag):
        _add_table_header_error(walk, (*path, header_flag), where)
    if "level" in value and ("text" in value or "heading" in value):
        _check_heading_level(_heading_level(value.get("level")), walk, path, where)
    if isinstance(value.get("link_text"), str):
        _check_link_text(value["link_text"], walk, (*path, "link_text"), where)
    for name, child_value in value.items():
        if name in ALT_TEXT_NAMES or name == header_flag:
            continue
        child_block = block.child_blocks.get(name)
        if child_block is not None:
            _check_block(child_block, child_value, walk, (*path, name), where)


@dataclass
class _Decorative:
    decorative: bool


def _image_child_name(block):
    from wagtail.images.blocks import ImageChooserBlock

    for name, child in getattr(block, "child_blocks", {}).items():
        if isinstance(child, ImageChooserBlock):
            return name
    return None


def _check_image(image, alt_text, marker, walk, path, where):
    if image is None:
        return
    if getattr(marker, "decorative", False):
        return
    if str(alt_text or "").strip():
        return
    walk.add(
        ERROR,
        "image-alt",
        _(
            "%(where)s: the image has no alternative text. Describe what it shows, or mark it "
            "as decorative if it adds nothing to the text."
        )
        % {"where": where},
        path,
    )


def _is_table_value(value):
    if isinstance(value, TypedTable):
        return True
    return isinstance(value, dict) and "first_row_is_table_header" in value and "data" in value


def _check_table(value, walk, path, where):
    if isinstance(value, TypedTable):
        # A typed table's header row is its column headings: every column needs one.
        headings = [str(column.get("heading") or "").strip() for column in value.columns]
        missing = [str(number) for number, heading in enumerate(headings, 1) if not heading]
        if missing:
            _add_column_heading_error(walk, (*path, "columns"), where, missing)
        return
    if not value.get("first_row_is_table_header"):
        _add_table_header_error(walk, (*path, "first_row_is_table_header"), where)


def _add_table_header_error(walk, path, where):
    walk.add(
        ERROR,
        "table-header",
        _(
            "%(where)s: the table has no header row. Make the first row a header row so that "
            "screen readers can announce what each column holds."
        )
        % {"where": where},
        path,
    )


def _add_column_heading_error(walk, path, where, column_numbers):
    walk.add(
        ERROR,
        "table-header",
        _(
            "%(where)s: column %(columns)s of the table has no heading. Fill in the “Column "
            "heading” field at the top of every column, so that screen readers can announce "
            "what each column holds."
        )
        % {"where": where, "columns": ", ".join(column_numbers)},
        path,
    )


def _heading_level(raw_level):
    match = re.search(r"[1-6]", str(raw_level or ""))
    return int(match.group()) if match else None


def _check_heading_level(level, walk, path, where):
    if level is None:
        return
    if level > walk.previous_heading_level + 1:
        walk.add(
            WARNING,
            "heading-order",
            _(
                "%(where)s: a level %(level)s heading follows a level %(previous)s heading. "
                "Do not skip heading levels; use level %(expected)s here."
            )
            % {
                "where": where,
                "level": level,
                "previous": walk.previous_heading_level,
                "expected": walk.previous_heading_level + 1,
            },
            path,
        )
    walk.previous_heading_level = level


# Rich text ------------------------------------------------------------------------------------


class _RichTextReader(HTMLParser):
    """Collects headings, link texts and paragraph texts from Wagtail's stored rich text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (kind, level_or_None, text) in document order
        self._open = []  # stack of [kind, level, text parts]

    def handle_starttag(self, tag, attrs):
        if tag in HEADING_TAGS:
            self._open.append(["heading", HEADING_TAGS[tag], []])
        elif tag == "a":
            self._open.append(["link", None, []])
        elif tag == "p":
            self._open.append(["paragraph", None, []])

    def handle_endtag(self, tag):
        kinds = {"a": "link", "p": "paragraph", **dict.fromkeys(HEADING_TAGS, "heading")}
        kind = kinds.get(tag)
        if kind is None:
            return
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == kind:
                element_kind, level, parts = self._open.pop(position)
                self.elements.append((element_kind, level, "".join(parts)))
                return

    def handle_data(self, data):
        for element in self._open:
            element[2].append(data)


def _check_rich_text(html, walk, path, where):
    if not html:
        return
    reader = _RichTextReader()
    reader.feed(str(html))
    reader.close()
    # End tags close elements inner-first; headings and paragraphs come back in reading order
    # because they do not nest in rich text.
    for kind, level, text in reader.elements:
        if kind == "heading":
            _check_heading_level(level, walk, path, where)
        elif kind == "link":
            _check_link_text(text, walk, path, where)
        elif kind == "paragraph":
            _check_all_caps(text, walk, path, where)


def normalise_link_text(text):
    return re.sub(r"\s+", " ", text).strip(" \t\n.,:;!?…»«\"'()[]→>-").casefold()


def is_generic_link_text(text):
    return normalise_link_text(text) in GENERIC_LINK_TEXTS


def _check_link_text(text, walk, path, where):
    if is_generic_link_text(text):
        walk.add(
            WARNING,
            "link-text",
            _(
                '%(where)s: the link text "%(text)s" does not say where the link goes. '
                "Use words that make sense on their own, such as the title of the target."
            )
            % {"where": where, "text": text.strip()},
            path,
        )


def is_all_caps(text):
    letters = [character for character in text if character.isalpha()]
    cased = [character for character in letters if character.isupper() or character.islower()]
    if len(cased) < ALL_CAPS_MIN_LETTERS:
        return False
    return all(character.isupper() for character in cased)


def _check_all_caps(text, walk, path, where):
    if is_all_caps(text):
        walk.add(
            WARNING,
            "all-caps",
            _(
                "%(where)s: a paragraph is written in capital letters. Text in capitals is "
                "harder to read and some screen readers spell it out; use normal case."
            )
            % {"where": where},
            path,
        )
