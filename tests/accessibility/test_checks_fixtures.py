"""Each check beyond axe on its fixture pages: the failing page's barriers are found, each with its
rule, criterion and element; the clean page passes; the page is left as the check found it."""

import pytest

from accessibility.checks.findings import NEEDS_REVIEW, VIOLATION
from accessibility.testing import assert_no_check_violations, check_findings

pytestmark = pytest.mark.browser

EXPECTED = {
    "keyboard": {
        ("keyboard-tab-order", VIOLATION, "#positive"),
        ("keyboard-trap", VIOLATION, "#trap"),
        ("keyboard-focus-visible", VIOLATION, "#no-focus-style"),
        ("keyboard-focus-visible", VIOLATION, "#second"),
        ("keyboard-focus-visible", VIOLATION, "#first"),
        ("keyboard-focus-obscured", VIOLATION, "#under-bar"),
        ("keyboard-order-review", NEEDS_REVIEW, "#first"),
        ("keyboard-not-focusable", VIOLATION, "#div-button"),
        ("keyboard-hover-only", VIOLATION, "#tip"),
    },
    "reflow": {("reflow-horizontal-scroll", VIOLATION, "#wide")},
    "text-spacing": {
        ("text-spacing-clipped", VIOLATION, "#clipped"),
        ("text-spacing-overlap", VIOLATION, "#below"),
    },
    "language-of-parts": {
        ("language-of-parts-script", VIOLATION, "#cyrillic"),
        ("language-of-parts-script", VIOLATION, "#azerbaijani"),
        ("language-of-parts-link", VIOLATION, "#link"),
        ("language-of-parts-review", NEEDS_REVIEW, "#latin"),
        ("language-of-parts-review", NEEDS_REVIEW, "#names"),
    },
    "input-purpose": {
        ("input-purpose-autocomplete", VIOLATION, "#full_name"),
        ("input-purpose-autocomplete", VIOLATION, "#f2"),
        ("input-purpose-autocomplete", VIOLATION, "#f3"),
        ("input-purpose-autocomplete", VIOLATION, "#f4"),
        ("input-purpose-review", NEEDS_REVIEW, "#f5"),
        ("input-purpose-autocomplete", VIOLATION, "#f6"),
    },
}
CRITERIA = {
    "keyboard-tab-order": "2.4.3",
    "keyboard-trap": "2.1.2",
    "keyboard-focus-visible": "2.4.7",
    "keyboard-focus-obscured": "2.4.11",
    "keyboard-order-review": "2.4.3",
    "keyboard-not-focusable": "2.1.1",
    "keyboard-hover-only": "2.1.1",
    "reflow-horizontal-scroll": "1.4.10",
    "text-spacing-clipped": "1.4.12",
    "text-spacing-overlap": "1.4.12",
    "language-of-parts-script": "3.1.2",
    "language-of-parts-link": "3.1.2",
    "language-of-parts-review": "3.1.2",
    "input-purpose-autocomplete": "1.3.5",
    "input-purpose-review": "1.3.5",
}
# Reflow is judged at the phone width only.
WIDTHS = {"reflow": 320}
PAGE_STATE_SCRIPT = """
var active = document.activeElement;
return {scroll: [scrollX, scrollY], active: active.id || active.localName,
        sheets: document.adoptedStyleSheets.length, styles: document.styleSheets.length,
        first: document.body.firstElementChild.outerHTML.slice(0, 40),
        html: document.body.innerHTML.length};
"""


@pytest.fixture
def sized_browser(browser):
    """The session browser at the width a check judges; back to 1280×800 afterwards."""

    def size(check_id):
        browser.set_window_size(WIDTHS.get(check_id, 1280), 800)
        return browser

    yield size
    browser.set_window_size(1280, 800)


@pytest.mark.parametrize("check_id", sorted(EXPECTED))
def test_the_failing_page_fails_and_the_clean_page_passes(fixture_site, sized_browser, check_id):
    browser = sized_browser(check_id)
    page = f"{fixture_site.base_url}/checks-{check_id.replace('-of-parts', '')}"
    results = check_findings(f"{page}-failing.html", driver=browser, checks=check_id)
    assert results.errors == []
    found = {(f.rule_id, f.kind, f.target) for _check, f in results.findings}
    assert found == EXPECTED[check_id]
    for check, finding in results.findings:
        assert check == check_id
        assert finding.criterion == CRITERIA[finding.rule_id]
        assert finding.html.startswith("<") and finding.help and finding.failure_summary

    clean = check_findings(f"{page}-clean.html", driver=browser, checks=check_id)
    assert (clean.findings, clean.errors) == ([], [])
    assert_no_check_violations(f"{page}-clean.html", driver=browser, checks=check_id)
    with pytest.raises(AssertionError, match=next(iter(EXPECTED[check_id]))[0]):
        assert_no_check_violations(f"{page}-failing.html", driver=browser, checks=check_id)


def test_every_check_leaves_the_page_as_it_found_it(fixture_site, browser):
    """Scroll position, focus, injected styles and the walk's marker are all restored."""
    browser.set_window_size(1280, 800)
    browser.get(f"{fixture_site.base_url}/checks-keyboard-clean.html")
    # The page scrolls smoothly once something has focus: the checks must not leave it moving.
    browser.execute_script(
        "document.getElementById('send').focus({preventScroll: true});"
        "scrollTo({left: 0, top: 400, behavior: 'instant'});"
    )
    before = browser.execute_script(PAGE_STATE_SCRIPT)
    assert before["active"] == "send"
    results = check_findings(browser, checks="all")
    assert results.errors == []
    assert browser.execute_script(PAGE_STATE_SCRIPT) == before


def test_a_remote_browser_without_devtools_lists_pointer_cursors_for_review(
    fixture_site, browser, monkeypatch
):
    """On a Grid node there is no `execute_cdp_cmd`: clickable-looking elements are reviewed."""
    from accessibility.checks import keyboard

    monkeypatch.setattr(keyboard, "click_listener_elements", lambda driver: None)
    results = check_findings(
        f"{fixture_site.base_url}/checks-keyboard-failing.html", driver=browser, checks="keyboard"
    )
    found = {(f.rule_id, f.kind, f.target) for _check, f in results.findings}
    assert ("keyboard-not-focusable-review", NEEDS_REVIEW, "#div-button") in found
    assert not any(rule == "keyboard-not-focusable" for rule, _kind, _target in found)


def test_a_page_with_nothing_to_focus_or_check_passes_every_check(fixture_site, browser):
    fixture_site.overrides["/nothing.html"] = (
        "<!DOCTYPE html><html lang=en><title>Nothing</title><main><h1>Nothing to focus</h1>"
        "<p>Plain text.</p></main>"
    )
    browser.set_window_size(320, 800)
    try:
        results = check_findings(f"{fixture_site.base_url}/nothing.html", driver=browser)
    finally:
        browser.set_window_size(1280, 800)
    assert (results.findings, results.errors) == ([], [])
