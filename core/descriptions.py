"""Meta descriptions: the editor's search description, else the page's own intro or lead.

Every page gets one in the language it is shown in, cut at a word to what search engines show
(about 160 characters).
"""

import re
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

MAX_LENGTH = 160


def plain_text(value):
    """The visible text of a plain, rich-text or StreamField value ("" for none)."""
    if value is None:
        return ""
    if hasattr(value, "raw_data") and hasattr(value, "stream_block"):
        # A StreamField: its first paragraph says what the page is about.
        for block in value:
            if block.block_type == "paragraph":
                return plain_text(block.value)
        return ""
    if isinstance(value, RichText):
        value = value.source
    return re.sub(r"\s+", " ", unescape(strip_tags(str(value)))).strip()


def shorten(text, limit=MAX_LENGTH):
    """`text` cut at the last whole word that fits, with an ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return f"{cut}…"


def site_description():
    return _(
        "The official website of the Commissioner for Human Rights (Ombudsman) of the "
        "Republic of Azerbaijan: news, reports, offices and how to submit a complaint."
    )


def page_description(page):
    """What search engines show for `page`, in the language the page is shown in."""
    from core.languages import content_source

    written = plain_text(page.search_description)
    if written:
        return shorten(written)
    if content_source(page) is not None:
        # An untranslated page shows its source's text; its description stays in the visitor's
        # language, where a meta tag cannot carry `lang`.
        return site_description()
    for field_name in page.description_sources:
        text = plain_text(getattr(page, field_name, None))
        if text:
            return shorten(text)
    return shorten(page.description_fallback())


def title_and_institution(page):
    """ "Accessibility statement: Commissioner for Human Rights (Ombudsman) of …"."""
    institution = _("Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan")
    return _("%(title)s: %(institution)s.") % {"title": page.title, "institution": institution}
