"""The shape of the demo news: one article's text per language, and its language-free facts."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TableText:
    caption: str
    headings: tuple
    rows: tuple  # each row: a tuple of cells; str cells are text, int cells are numbers


@dataclass(frozen=True)
class ArticleText:
    """Everything an article says in one language; every language has the same shape."""

    title: str
    summary: str
    paragraphs: tuple
    heading: str = ""  # a section heading placed after the first paragraph
    image_alt: str = ""
    image_caption: str = ""
    quote: tuple = ()  # (quotation, attribution)
    table: TableText | None = None
    document_link_text: str = ""


@dataclass(frozen=True)
class DemoDocument:
    title: str
    file_name: str
    lines: tuple
    language: str = "en"


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    date: datetime.date
    categories: tuple
    text: dict  # language code -> ArticleText
    tags: tuple = ()
    image_colour: str = ""  # with image_lines: the lead image drawn for this article
    image_lines: tuple = ()
    document: DemoDocument | None = None
    views: int = 0
    extra: dict = field(default_factory=dict)
