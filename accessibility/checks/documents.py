"""The documents check: PDFs linked from the page (same site) are tagged, titled and in a language.

Each same-site link that leads to a PDF (by its extension, its `type` or `download` attribute, or
the answer's content type) is fetched once per run (see `DocumentMemo`) and read with pypdf;
what the PDF lacks is reported against the link, on the linking page.
"""

import time
from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

from django.utils.translation import gettext_lazy as _
from selenium.common.exceptions import WebDriverException

from accessibility.checks.document_fetch import (
    NOT_A_PDF,
    DocumentMemo,
    fetch_document,
    same_origin,
)
from accessibility.checks.findings import NEEDS_REVIEW, Finding
from accessibility.checks.pdf_inspection import inspect_pdf

# Path endings that name web pages or other files, never fetched to learn their type.
PAGE_EXTENSIONS = {"html", "htm", "xhtml", "php", "asp", "aspx", "jsp", "xml", "txt"}
# A page's documents may take this many times a single fetch's timeout, all together.
PAGE_BUDGET_FETCHES = 3

# Rule id -> (WCAG criterion, impact, help).
RULE_SPECS = {
    "pdf-tagged": (
        "1.3.1",
        "serious",
        _(
            "Linked PDF documents must be tagged, so that screen readers get their headings, "
            "lists, tables and reading order."
        ),
    ),
    "pdf-title": (
        "2.4.2",
        "moderate",
        _("Linked PDF documents must have a title in their document properties."),
    ),
    "pdf-display-title": (
        "2.4.2",
        "minor",
        _("Linked PDF documents must ask viewers to show their title instead of the file name."),
    ),
    "pdf-language": (
        "3.1.1",
        "serious",
        _("Linked PDF documents must declare the language they are written in."),
    ),
    "pdf-unreadable": (
        "1.3.1",
        "moderate",
        _(
            "This linked PDF document could not be checked: check by hand that it is tagged, "
            "has a title shown by viewers and declares its language."
        ),
    ),
}
# Rule id -> criterion: what the check registry validates findings against.
RULES = {rule_id: spec[0] for rule_id, spec in RULE_SPECS.items()}

# Every link and area of the page: its address, type hints, a unique CSS selector and markup.
LINKS_SCRIPT = """
function selectorOf(element) {
    const unique = (id) => document.querySelectorAll('#' + CSS.escape(id)).length === 1;
    const parts = [];
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
        if (node.id && unique(node.id)) {
            parts.unshift('#' + CSS.escape(node.id));
            return parts.join(' > ');
        }
        const sameType = Array.from(node.parentElement.children)
            .filter((sibling) => sibling.localName === node.localName);
        const index = sameType.indexOf(node) + 1;
        parts.unshift(sameType.length === 1
            ? node.localName : node.localName + ':nth-of-type(' + index + ')');
    }
    parts.unshift('html');
    return parts.join(' > ');
}
return Array.from(document.querySelectorAll('a[href], area[href]'), (link) => ({
    href: link.href,
    type: link.getAttribute('type') || '',
    download: link.hasAttribute('download'),
    selector: selectorOf(link),
    html: link.outerHTML.slice(0, 500),
}));
"""

memo = DocumentMemo()


@dataclass(frozen=True)
class DocumentLink:
    """A same-site link that may lead to a PDF; `declared` when the page says it does."""

    url: str
    selector: str
    html: str
    declared: bool


def forget_documents():
    """Empty the run-wide memo: the engine calls it when a run starts."""
    memo.clear()


start_run = forget_documents  # The registry's hook at the start of every run.


def check_documents(driver, context):
    """Findings for the PDFs linked from the loaded page (see the module docstring)."""
    try:
        links = document_links(driver.execute_script(LINKS_SCRIPT), context.base_url)
    except WebDriverException as error:
        return [unreadable(context.url, "", f"The page's links could not be read: {error.msg}")]
    findings = []
    budget = PAGE_BUDGET_FETCHES * context.timeout
    deadline = time.monotonic() + budget
    for link in links:
        facts = memo.cached(link.url)
        if facts is None and time.monotonic() > deadline:
            if link.declared:
                summary = f"{link.url}: not fetched, the page's documents took over {budget:g} s"
                findings.append(unreadable(link.selector, link.html, summary))
            continue
        if facts is None:
            facts = memo.get(link.url, lambda url=link.url: fetch(url, context), context.timeout)
        findings.extend(findings_for(link, facts))
    return findings


def fetch(url, context):
    return fetch_document(url, context.base_url, context.timeout, inspect_pdf)


def document_links(raw_links, base_url):
    """The links worth a look: same site, and a PDF by name, by attribute or possibly by type."""
    links = []
    for raw in raw_links or []:
        url = urldefrag(str(raw.get("href", "")))[0]
        if not same_origin(url, base_url):
            continue
        last_segment = urlsplit(url).path.rsplit("/", 1)[-1]
        extension = last_segment.rsplit(".", 1)[-1].lower() if "." in last_segment else ""
        declared = extension == "pdf" or "pdf" in str(raw.get("type", "")).lower()
        unknown_type = not extension and (last_segment or raw.get("download"))
        if declared or unknown_type or (raw.get("download") and extension not in PAGE_EXTENSIONS):
            links.append(DocumentLink(url, raw["selector"], raw["html"], declared))
    return links


def findings_for(link, facts):
    """What is wrong with the PDF behind `link`; nothing for an answer that is not a PDF."""
    if facts is NOT_A_PDF:
        return []
    if facts.error:
        # A link that only might have led to a PDF (no .pdf, no type) is not reported.
        if not link.declared and not facts.is_pdf:
            return []
        return [unreadable(link.selector, link.html, f"{link.url}: {facts.error}")]
    problems = []
    if not facts.tagged:
        problems.append(("pdf-tagged", "no /StructTreeRoot with /MarkInfo /Marked true"))
    if not facts.title:
        problems.append(("pdf-title", "no /Title in the document information or dc:title in XMP"))
    if not facts.displays_title:
        problems.append(("pdf-display-title", "no /ViewerPreferences /DisplayDocTitle true"))
    if not facts.language:
        problems.append(("pdf-language", "no /Lang in the document catalog"))
    return [
        finding(rule_id, link.selector, link.html, f"{link.url}: {what}")
        for rule_id, what in problems
    ]


def finding(rule_id, target, html, summary, kind=None):
    criterion, impact, help_text = RULE_SPECS[rule_id]
    extra = {"kind": kind} if kind else {}
    return Finding(
        rule_id=rule_id,
        criterion=criterion,
        impact=impact,
        target=target,
        html=html[:500],
        help=help_text,
        failure_summary=summary,
        **extra,
    )


def unreadable(target, html, summary):
    return finding("pdf-unreadable", target, html, summary, kind=NEEDS_REVIEW)
