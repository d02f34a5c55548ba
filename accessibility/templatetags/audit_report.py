"""Filters of the audit reports' templates."""

from django import template

register = template.Library()


@register.filter
def markdown_cell(value):
    """Text safe inside a Markdown table cell: no pipes or line breaks, code kept literal."""
    text = " ".join(str(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


@register.filter
def anchor_id(value):
    """An id fragment from a rule id or a counter ('color-contrast' -> 'rule-color-contrast')."""
    return "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in str(value)).strip("-")
