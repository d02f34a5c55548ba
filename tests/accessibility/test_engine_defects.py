"""Each known defect of the broken fixture page is reported with its rule, impact and selector."""

import pytest

from accessibility.engine import exit_code, run_audit
from accessibility.models import AuditRun, PageResult, Violation
from accessibility.targets import parse_variant, parse_viewport, url_targets

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
