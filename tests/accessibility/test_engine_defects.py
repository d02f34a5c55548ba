"""Each known defect is reported with its rule, impact and selector: on the broken fixture page,
inside frames (same-origin, nested, cross-origin); non-HTML addresses are skipped, not audited;
tags are axe-core's own."""

import json
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from accessibility.axe import UnknownTags, inject_axe, known_tags
from accessibility.engine import AuditOptions, exit_code, run_audit
from accessibility.models import AuditRun, PageResult, Violation
from accessibility.server import SiteServer
from accessibility.targets import parse_variant, parse_viewport, url_targets
from accessibility.testing import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EXPECTED_DEFECTS = {
    ("image-alt", "critical", "#image-without-alt"),
    ("link-name", "serious", "#empty-link"),
    ("color-contrast", "serious", "#low-contrast"),
    ("label", "critical", "#input-without-label"),
    ("html-has-lang", "serious", "html"),
    ("target-size", "serious", "#tiny-target-one"),
    ("target-size", "serious", "#tiny-target-two"),
    ("frame-title", "serious", "#iframe-without-title"),
    ("button-name", "critical", "#empty-button"),
    ("aria-valid-attr", "critical", "#invalid-aria"),
}


def reported(run, path):
    result = run.page_results.get(url__endswith=path)
    return result, {(v.rule_id, v.impact, v.target) for v in result.violations.all()}


def test_every_defect_is_reported_and_the_clean_page_has_none(quick_options):
    run = run_audit(url_targets(["/broken.html", "/clean.html"]), options=quick_options())

    broken, defects = reported(run, "/broken.html")
    assert defects == EXPECTED_DEFECTS
    assert broken.status == PageResult.Status.VIOLATIONS
    clean, clean_defects = reported(run, "/clean.html")
    assert clean_defects == set()
    assert clean.status == PageResult.Status.OK

    assert run.status == AuditRun.Status.FAILED
    assert exit_code(run) == 1
    assert (run.pages_ok, run.pages_with_violations, run.pages_error) == (1, 1, 0)
    assert run.violations_total == len(EXPECTED_DEFECTS)
    assert run.axe_version.count(".") == 2
    violation = broken.violations.get(rule_id="image-alt")
    assert violation.help_url.startswith("https://dequeuniversity.com/rules/axe/")
    assert "wcag2a" in violation.tags
    assert 'id="image-without-alt"' in violation.html
    assert "alt" in violation.failure_summary


def test_parallel_workers_report_the_same_violations_as_one(quick_options):
    targets = url_targets(["/broken.html", "/clean.html", "/broken.html?again"])
    viewports = [parse_viewport("1280x800"), parse_viewport("320x640")]

    def violations_of(run):
        return sorted(
            (v.page_result.url, v.page_result.viewport, v.rule_id, v.target, v.fingerprint)
            for v in Violation.objects.filter(page_result__run=run).select_related("page_result")
        )

    one = run_audit(targets, options=quick_options(workers=1, viewports=viewports))
    two = run_audit(targets, options=quick_options(workers=2, viewports=viewports))
    assert one.pages_total == two.pages_total == 6
    assert violations_of(one) == violations_of(two)
    assert len(violations_of(one)) == 4 * len(EXPECTED_DEFECTS)


def test_preference_variants_send_their_cookie_and_are_recorded(fixture_site, quick_options):
    variants = [parse_variant("default"), parse_variant("theme-contrast")]
    run = run_audit(url_targets(["/clean.html"]), options=quick_options(variants=variants))

    assert sorted(run.page_results.values_list("variant", flat=True)) == [
        "default",
        "theme-contrast",
    ]
    page_cookies = [
        cookie for path, cookie in fixture_site.cookies_by_request if path == "/clean.html"
    ]
    assert sorted(page_cookies) == ["", "site_preferences=100.contrast"]


FRAME_DEFECTS = {
    ("image-alt", "#same-origin-frame | #photo-in-frame"),
    ("image-alt", "#nested-frame | #inner-frame | #photo-in-frame"),
    ("image-alt", "#cross-origin-frame | #photo-in-frame"),
    ("image-alt", "#cross-origin-nested | #inner-frame | #photo-in-frame"),
}


def test_frames_are_audited_and_named_by_their_selector_path(fixture_site, quick_options, browser):
    """Same-origin, nested and cross-origin frames: each image without alt is found, under its
    frame's selector path, by the engine and by the pytest helper alike."""
    run = run_audit(url_targets(["/frames.html"]), options=quick_options())

    result = run.page_results.get()
    violations = list(result.violations.all())
    assert {(v.rule_id, v.target) for v in violations} == FRAME_DEFECTS
    assert len({v.fingerprint for v in violations}) == len(FRAME_DEFECTS)
    assert exit_code(run) == 1

    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(f"{fixture_site.base_url}/frames.html", driver=browser)
    for _rule, target in FRAME_DEFECTS:
        assert target in str(failure.value)


def test_the_known_tags_are_axe_cores_own(fixture_site, browser):
    """The tags read from the pinned axe-core script are exactly what axe.getRules() lists."""
    browser.get(f"{fixture_site.base_url}/clean.html")
    inject_axe(browser)
    rule_tags = browser.execute_script(
        "return [].concat.apply([], axe.getRules().map(function (rule) { return rule.tags; }));"
    )
    assert known_tags() == set(rule_tags)
    assert {"wcag2a", "wcag2aa", "wcag22aa", "best-practice"} <= known_tags()
    with pytest.raises(UnknownTags, match=r"WCAG2AA\. .*wcag2aa"):
        AuditOptions(base_url=fixture_site.base_url, tags=["wcag2a", "WCAG2AA"])
    # A WCAG level tag without rules in this axe-core is valid, but not alone: it checks nothing.
    assert "wcag22a" not in known_tags()
    AuditOptions(base_url=fixture_site.base_url, tags=["wcag22a", "wcag22aa"])
    with pytest.raises(UnknownTags, match="the audit would check nothing"):
        AuditOptions(base_url=fixture_site.base_url, tags=["wcag22a"])


def test_non_html_addresses_are_skipped_with_their_content_type(fixture_site, tmp_path):
    """A PDF, a PNG, JSON and text in a sitemap are recorded as skipped, never audited as pages:
    the run passes. Even a PDF whose server claims HTML on HEAD is caught by the browser."""
    fixture_site.sitemap_paths = [
        "/clean.html",
        "/document.pdf",
        "/image.png",
        "/data.json",
        "/notes.txt",
        "/document.pdf?head-says-html",
    ]
    fixture_site.lying_head_paths = {"/document.pdf?head-says-html"}
    call_command(
        "audit_accessibility",
        base_url=fixture_site.base_url,
        viewports="1280x800",
        timeout=10,
        output=str(tmp_path),
        formats="json,junit,markdown",
        baseline=str(tmp_path / "no-baseline.json"),
    )  # Exit 0: no SystemExit.

    run = AuditRun.objects.get()
    assert run.status == AuditRun.Status.PASSED
    skipped = {
        r.path: (r.content_type, r.http_status)
        for r in run.page_results.filter(status=PageResult.Status.SKIPPED)
    }
    assert skipped == {
        "/document.pdf": ("application/pdf", 200),
        "/image.png": ("image/png", 200),
        "/data.json": ("application/json", 200),
        "/notes.txt": ("text/plain", 200),
        "/document.pdf?head-says-html": ("application/pdf", 200),
    }
    assert (run.pages_ok, run.pages_skipped, run.violations_total) == (1, 5, 0)
    for path in ("/document.pdf", "/image.png", "/data.json", "/notes.txt"):
        assert path not in fixture_site.browser_requests  # Known before any rendering.
    summary = (tmp_path / "summary.md").read_text()
    assert "- `http://" in summary and "/image.png`: image/png" in summary
    counts = json.loads((tmp_path / "audit.json").read_text())["run"]["counts"]
    assert (counts["pages_audited"], counts["pages_skipped"]) == (1, 5)
    suite = ElementTree.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    assert (suite.get("skipped"), suite.get("failures"), suite.get("errors")) == ("5", "0", "0")


def test_absolute_urls_alone_start_no_server_and_keep_to_the_chosen_locales(
    fixture_site, tmp_path, monkeypatch
):
    def no_server(self):
        raise AssertionError("the project's own server must not start")

    monkeypatch.setattr(SiteServer, "start", no_server)
    fixture_site.overrides["/en/page.html"] = fixture_site.page("clean.html")
    fixture_site.overrides["/az/page.html"] = fixture_site.page("clean.html")
    call_command(
        "audit_accessibility",
        no_crawl=True,
        url=[f"{fixture_site.base_url}/en/page.html", f"{fixture_site.base_url}/az/page.html"],
        locales="en",
        viewports="1280x800",
        output=str(tmp_path),
        formats="json",
        baseline=str(tmp_path / "no-baseline.json"),
    )

    run = AuditRun.objects.get()
    assert run.base_url == fixture_site.base_url
    assert [(r.path, r.locale, r.status) for r in run.page_results.all()] == [
        ("/en/page.html", "en", PageResult.Status.OK)
    ]
    assert "/az/page.html" not in fixture_site.requests
