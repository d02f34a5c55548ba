"""Run the chosen checks on the page a browser shows: their findings, and the checks that raised.

A check that raises (or reports a rule it did not declare) is recorded as an error of that check on
that page; the page is then loaded again so that the next check starts from a clean page.
"""

import contextlib
from dataclasses import dataclass, field

from django.utils import translation

from .findings import KINDS, CheckContext, Finding
from .registry import selected

# WCAG 2.2 success criteria the checks test: (axe's level tag, the Understanding document's name).
CRITERIA = {
    "1.3.1": ("wcag2a", "info-and-relationships"),
    "1.3.5": ("wcag21aa", "identify-input-purpose"),
    "1.4.10": ("wcag21aa", "reflow"),
    "1.4.12": ("wcag21aa", "text-spacing"),
    "1.4.13": ("wcag21aa", "content-on-hover-or-focus"),
    "2.1.1": ("wcag2a", "keyboard"),
    "2.1.2": ("wcag2a", "no-keyboard-trap"),
    "2.4.2": ("wcag2a", "page-titled"),
    "2.4.3": ("wcag2a", "focus-order"),
    "2.4.7": ("wcag2aa", "focus-visible"),
    "2.4.11": ("wcag22aa", "focus-not-obscured-minimum"),
    "3.1.1": ("wcag2a", "language-of-page"),
    "3.1.2": ("wcag2aa", "language-of-parts"),
}
UNDERSTANDING_URL = "https://www.w3.org/WAI/WCAG22/Understanding/"
# Tag of every finding of a check beyond axe (axe's rules never carry it).
CHECK_TAG = "beyond-axe"
MAX_HTML = 500


@dataclass
class CheckResults:
    findings: list = field(default_factory=list)  # (check id, Finding), in check order.
    errors: list = field(default_factory=list)  # {"check": id, "error": message}


def criterion_tag(criterion):
    """axe's style of tag for a success criterion: "2.4.11" -> "wcag2411"."""
    return "wcag" + criterion.replace(".", "")


def tags_of(criterion):
    level = CRITERIA.get(criterion, ("", ""))[0]
    return [tag for tag in (level, criterion_tag(criterion), CHECK_TAG) if tag]


def help_url_of(criterion):
    slug = CRITERIA.get(criterion, ("", ""))[1]
    return UNDERSTANDING_URL + slug if slug else UNDERSTANDING_URL


def context_for(driver, url, base_url, viewport, timeout):
    language = driver.execute_script("return document.documentElement.lang || '';") or ""
    return CheckContext(
        url=url,
        base_url=base_url.rstrip("/"),
        language=language.split("-")[0].lower(),
        viewport=viewport,
        timeout=timeout,
    )


def run_checks(driver, context, check_ids):
    """Each chosen check's findings on the driver's page, and the errors of those that raised."""
    results = CheckResults()
    for check in selected(check_ids):
        try:
            findings = list(validated(check, check.function(driver, context)))
            results.findings.extend((check.id, finding) for finding in findings)
        except Exception as error:  # noqa: BLE001 - recorded as this check's error on this page
            results.errors.append({"check": check.id, "error": describe(error)})
            reload(driver, context.url)
    return results


def validated(check, findings):
    rules = check.rule_criteria
    for finding in findings:
        if not isinstance(finding, Finding):
            raise CheckContractError(f"returned {type(finding).__name__}, not a Finding")
        if rules.get(finding.rule_id) != finding.criterion:
            raise CheckContractError(
                f"reported rule {finding.rule_id!r} (criterion {finding.criterion}), which it "
                f"does not declare; it declares {', '.join(sorted(rules))}"
            )
        if finding.kind not in KINDS:
            raise CheckContractError(f"reported kind {finding.kind!r}")
        yield finding


class CheckContractError(RuntimeError):
    """A check returned something the contract does not allow."""


def describe(error):
    text = getattr(error, "msg", None) or str(error)
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return f"{type(error).__name__}: {first_line}" if first_line else type(error).__name__


def reload(driver, url):
    """A check failed halfway: give the next one the page as it was loaded."""
    with contextlib.suppress(Exception):  # The next check then reports its own error.
        driver.get(url)


def msgid(text):
    """The untranslated text of a (lazy) help: stored so that reports translate it later."""
    with translation.override(None):
        return str(text)


def shorten(html):
    return html if len(html) <= MAX_HTML else html[: MAX_HTML - 1] + "…"
