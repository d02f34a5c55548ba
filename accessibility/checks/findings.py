"""What a check beyond axe is given and what it reports: the contract every check here follows.

A check is a callable `check(driver, context) -> list[Finding]`, run on a page the browser has
already loaded at `context.viewport`. It must leave the page as a later check expects it (scroll
position, focus and injected styles restored) and raise nothing for a page it cannot judge: it
reports a `NEEDS_REVIEW` finding instead, which is listed apart and never fails a run.
"""

from dataclasses import dataclass

VIOLATION = "violation"
NEEDS_REVIEW = "needs-review"
KINDS = (VIOLATION, NEEDS_REVIEW)


@dataclass(frozen=True)
class CheckContext:
    """The page a check looks at."""

    url: str  # The address the browser loaded.
    base_url: str  # The audited site's base URL: same-site links start with it.
    language: str  # The page's language code ("az", "en", "ru"), "" when unknown.
    viewport: str  # "width×height" as the audit names it, e.g. "1280x800".
    timeout: float  # Seconds a check may spend on one network fetch.


@dataclass
class Finding:
    """One element (or linked document) failing one check, reported like an axe violation."""

    rule_id: str  # Our own rule id, e.g. "keyboard-focus-visible"; never an axe rule's id.
    criterion: str  # The WCAG 2.2 success criterion, e.g. "2.4.7".
    impact: str  # "minor", "moderate", "serious" or "critical", as axe grades.
    target: str  # A CSS selector of the element, or the URL of a linked document.
    html: str = ""  # The element's markup, shortened to at most 500 characters.
    help: str = ""  # One sentence saying what is wrong, translatable (gettext_lazy).
    failure_summary: str = ""  # What was measured, e.g. "focused and unfocused look the same".
    kind: str = VIOLATION  # VIOLATION, or NEEDS_REVIEW where a check can only suspect.

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}.")
