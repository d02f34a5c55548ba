"""The shapes demo content is written in: each visitor-facing text as an (az, en, ru) triple.

A builder writes the Azerbaijani source from the triples and gives wagtail-localize the en and
ru translations of exactly the same strings, so the three trees cannot drift apart.
"""

import json
from dataclasses import dataclass, field
from typing import NamedTuple

TRANSLATED_LANGUAGES = ("en", "ru")


class T(NamedTuple):
    """One text in the three languages."""

    az: str
    en: str
    ru: str


@dataclass
class Rich:
    """A rich-text value made of plain paragraphs (one translation segment each)."""

    paragraphs: list

    def source(self):
        return "".join(f"<p>{paragraph.az}</p>" for paragraph in self.paragraphs)

    def texts(self):
        return list(self.paragraphs)


@dataclass
class Body:
    """A StreamField of the shared blocks: ("h2" | "h3", T) headings and ("p", T) paragraphs."""

    items: list

    def source(self):
        blocks = []
        for kind, text in self.items:
            if kind == "p":
                blocks.append({"type": "paragraph", "value": f"<p>{text.az}</p>"})
            else:
                blocks.append({"type": "heading", "value": {"text": text.az, "level": kind}})
        return json.dumps(blocks)

    def texts(self):
        return [text for _kind, text in self.items]


@dataclass
class Questions:
    """A FAQ page's StreamField: (question, [answer paragraphs]) pairs."""

    items: list

    def source(self):
        return json.dumps(
            [
                {
                    "type": "question",
                    "value": {
                        "question": question.az,
                        "answer": "".join(f"<p>{part.az}</p>" for part in answer),
                    },
                }
                for question, answer in self.items
            ]
        )

    def texts(self):
        texts = []
        for question, answer in self.items:
            texts.append(question)
            texts.extend(answer)
        return texts


@dataclass
class PageSpec:
    """A page to create under a parent: its model, slug and title, field values, children."""

    key: str
    model: type
    slug: T
    title: T
    fields: dict = field(default_factory=dict)
    show_in_menus: bool = False
    children: list = field(default_factory=list)
    # Texts of child objects (for example form fields) translated with the page.
    extra_texts: list = field(default_factory=list)

    def source_values(self):
        values = {"title": self.title.az, "slug": self.slug.az}
        for name, value in self.fields.items():
            if isinstance(value, T):
                values[name] = value.az
            elif hasattr(value, "source"):
                values[name] = value.source()
            else:
                values[name] = value
        return values

    def texts(self):
        texts = [self.title, self.slug, *self.extra_texts]
        for value in self.fields.values():
            if isinstance(value, T):
                texts.append(value)
            elif hasattr(value, "texts"):
                texts.extend(value.texts())
        return texts


def translation_table(texts, language_code):
    """{Azerbaijani source: translation} for wagtail-localize; empty strings stay empty."""
    table = {"": ""}
    for text in texts:
        table[text.az] = getattr(text, language_code)
        # wagtail-localize keeps a multi-line plain-text field as one string, lines as <br/>.
        table[text.az.replace("\n", "<br/>")] = getattr(text, language_code).replace("\n", "<br/>")
    return table
