"""Filters of the audit reports' templates."""

import re

from django import template

register = template.Library()

# Characters that Markdown (CommonMark and GitHub's tables) would read as markup. `&`, `<` and
# `>` become entities, so that "<title>" in axe's help text is shown, never parsed as HTML.
MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|#!~])")
BACKTICK_RUN = re.compile(r"`+")


def _one_line(value):
    return " ".join(str(value).split())


@register.filter
def markdown_cell(value):
    """Text shown as text in a Markdown table cell or list item: one line, HTML and Markdown
    markup escaped (`<title>` -> `&lt;title&gt;`, `|` -> `\\|`)."""
    text = _one_line(value)
    text = "".join(MARKDOWN_ENTITIES.get(character, character) for character in text)
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


@register.filter
def markdown_code(value):
    """A Markdown code span showing `value` literally (outside tables): its fence is longer
    than any run of backticks inside it."""
    text = _one_line(value)
    longest = max((len(run) for run in BACKTICK_RUN.findall(text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


@register.filter
def anchor_id(value):
    """An id fragment from a rule id or a counter ('color-contrast' -> 'rule-color-contrast')."""
    return "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in str(value)).strip("-")
