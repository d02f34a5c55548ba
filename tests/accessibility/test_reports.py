"""The reports: JUnit XML counts, the JSON document, escaped Markdown, an HTML report passing axe
and fitting a phone; the pytest helper fails on frames' violations and on a non-2xx page."""

import json
import re
from xml.etree import ElementTree

import pytest

from accessibility.reports import write_reports
from accessibility.reports.markdown import render_markdown_report
from accessibility.testing import assert_no_axe_violations

from .report_data import stored_run, violation

pytestmark = pytest.mark.django_db


def test_junit_has_a_case_per_page_view_and_a_failure_per_failing_violation(tmp_path):
    run = stored_run()
    paths = write_reports(run, tmp_path, ["junit"])

    root = ElementTree.parse(paths["junit"]).getroot()
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests")) == int(root.get("tests")) == 3
    # Only the serious colour-contrast violation fails: image-alt is accepted, the minor one is
    # below the "moderate" threshold.
    failures = suite.findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["color-contrast"]
    assert suite.get("failures") == "1"
    assert suite.get("errors") == "1"
    errors = suite.findall("testcase/error")
    assert "timeout" in errors[0].get("message")
    # Named by path, not by the port that happened to serve the site.
    assert cases[0].get("name") == "/az/news/ [1280x800, default]"
    news_case = cases[0]
    assert "accepted by the baseline" in news_case.find("system-out").text
    assert "below threshold" in news_case.find("system-out").text


def test_junit_failures_count_failed_test_cases_not_violations(tmp_path):
    run = stored_run()
    news = run.page_results.get(url__endswith="/az/news/")
    violation(news, "link-name", "serious", "#empty-link")
    violation(news, "label", "critical", "#unlabelled")
    run.refresh_counts()

    suite = ElementTree.parse(write_reports(run, tmp_path, ["junit"])["junit"]).find("testsuite")
    assert len(suite.findall("testcase/failure")) == 3  # Each failing violation is shown...
    assert suite.get("failures") == "1"  # ...in the one test case that failed.


def test_json_report_lists_every_violation_with_its_verdict(tmp_path):
    run = stored_run()
    document = json.loads(write_reports(run, tmp_path, ["json"])["json"].read_text())
    counts = document["run"]["counts"]
    assert (counts["pages"], counts["pages_error"], counts["violations"]) == (3, 1, 3)
    assert counts["violations_failing"] == 1
    news = next(page for page in document["pages"] if page["url"].endswith("/az/news/"))
    verdicts = {v["rule"]: (v["accepted_by_baseline"], v["fails_run"]) for v in news["violations"]}
    assert verdicts == {
        "color-contrast": (False, True),
        "image-alt": (True, False),
        "empty-table-header": (False, False),
    }


def test_markdown_summary_escapes_table_cells():
    markdown = render_markdown_report(stored_run())
    # Pages audited counts the two audited pages, not the one in error.
    assert "| 2 | 1 | 1 | 1 | 0 | 3 | 1 | 1 |" in markdown
    assert "- `color-contrast` (serious)" in markdown
    assert "`image-alt`" in markdown  # listed by rule, though not failing
    for line in markdown.splitlines():
        if line.startswith("| ["):
            assert line.count(" | ") == 4, line  # no stray pipe breaks the row


def test_markdown_shows_html_and_markup_from_axe_as_text():
    """axe's help texts name elements (`<title>`, `<script>`): CI job pages must show them, not
    parse them; pipes and backticks must not break a table row or a code span."""
    run = stored_run()
    news = run.page_results.get(url__endswith="/az/news/")
    tricky = violation(news, "document-title", "serious", "html")
    tricky.help = "Documents must have <title> & no <script>alert(1)</script> | `code` *here*"
    tricky.target = "a[title='x`y|z'] > b"
    tricky.save()
    markdown = render_markdown_report(run)

    for raw in ("<title>", "<script>", "</script>"):
        assert raw not in markdown
    row = next(line for line in markdown.splitlines() if "document-title" in line and "|" in line)
    assert "&lt;title&gt; &amp; no &lt;script&gt;alert(1)&lt;/script&gt;" in row
    assert r"\| \`code\` \*here\*" in row
    assert re.sub(r"\\.", "", row).count("|") == 6  # Five cells: no stray pipe.
    assert "``a[title='x`y|z'] > b``" in markdown  # A code span longer than the backtick inside.


@pytest.mark.browser
def test_html_report_requests_nothing_and_passes_axe(tmp_path, fixture_site, browser):
    run = stored_run()
    html = write_reports(run, tmp_path, ["html"])["html"].read_text()
    assert not re.search(r"<(script|img|iframe|object|embed|video|audio)\b", html)
    assert re.findall(r"<link\b[^>]*>", html) == ['<link rel="icon" href="data:,">']
    assert "url(" not in html and "@import" not in html
    assert "&lt;div id=&quot;low-contrast&quot;" in html  # snippets shown as code, not markup

    fixture_site.overrides["/report.html"] = html
    browser.get(f"{fixture_site.base_url}/report.html")
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);"
    )
    assert resources == []
    assert fixture_site.requests == ["/report.html"]
    assert browser.find_element("css selector", "h1").text == f"Accessibility audit #{run.pk}"
    assert_no_axe_violations(browser)


@pytest.mark.browser
def test_assert_no_axe_violations_names_each_problem(fixture_site, browser, axe_check):
    axe_check(f"{fixture_site.base_url}/clean.html", driver=browser)
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(f"{fixture_site.base_url}/broken.html", driver=browser)
    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "#empty-button" in message


@pytest.mark.browser
def test_the_helper_fails_on_a_page_that_is_not_2xx(fixture_site, browser):
    """A 404 page may well be accessible: it is still not the page the test meant to check."""
    missing = f"{fixture_site.base_url}/missing.html"
    with pytest.raises(AssertionError, match="answered HTTP 404, not 2xx"):
        assert_no_axe_violations(missing, driver=browser)
    assert_no_axe_violations(missing, driver=browser, expected_status=404)
    # On the page a test brought the browser to (a form answered 400 with its errors is one),
    # the status is checked when the test names it.
    assert_no_axe_violations(browser)
    with pytest.raises(AssertionError, match="answered HTTP 404, not 200"):
        assert_no_axe_violations(browser, expected_status=200)


@pytest.mark.browser
def test_html_report_fits_a_phone_without_sideways_scrolling(tmp_path, fixture_site, browser):
    run = stored_run()
    run.base_url = "https://staging.ombudsman.example/a-long-path/without-spaces/" * 2
    run.settings = {**run.settings, "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] * 3}
    run.save()
    fixture_site.overrides["/report.html"] = write_reports(run, tmp_path, ["html"])[
        "html"
    ].read_text()
    size = browser.get_window_size()
    try:
        browser.set_window_size(390, 844)
        width = browser.execute_script("return innerWidth;")
        browser.set_window_size(2 * 390 - width, 844)
        browser.get(f"{fixture_site.base_url}/report.html")
        widths = browser.execute_script(
            "return [innerWidth, document.documentElement.scrollWidth,"
            " document.querySelector('dl.facts').getBoundingClientRect().right];"
        )
    finally:
        browser.set_window_size(size["width"], size["height"])
    assert widths[0] == 390
    assert widths[1] <= 390 and widths[2] <= 390, widths
