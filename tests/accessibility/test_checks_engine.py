"""The checks beyond axe inside the audit: stored and reported like axe's violations, needs-review
findings apart and never failing, a check that raises recorded as its error, `--checks`."""

import datetime
import json
from xml.etree import ElementTree

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from accessibility.baseline import Baseline, updated_baseline
from accessibility.checks import registry
from accessibility.checks.findings import NEEDS_REVIEW, Finding
from accessibility.checks.registry import Check, UnknownChecks, parse_checks
from accessibility.engine import exit_code, run_audit
from accessibility.fingerprints import fingerprint
from accessibility.models import AuditRun, PageResult, Violation
from accessibility.reports import write_reports
from accessibility.targets import url_targets

REVIEW_ONLY_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Names</title></head><body><main><h1>Offices</h1><p id="names">Offices in Gəncə and Şəki.</p>
</main></body></html>"""


def raising_check(driver, context):
    raise RuntimeError("the page has no body to walk")


def undeclared_rule_check(driver, context):
    return [Finding(rule_id="color-contrast", criterion="1.4.3", impact="serious", target="p")]


# ---- The registry and --checks, without a browser -------------------------------------------


def test_checks_are_chosen_by_all_none_or_a_list_and_unknown_names_are_refused():
    assert parse_checks("all") == list(registry.CHECKS)
    assert parse_checks("none") == []
    assert parse_checks([]) == []
    assert parse_checks("reflow, keyboard") == ["keyboard", "reflow"]  # Registry order.
    for wrong in ("keyboards", "all,reflow", "", "reflow,,nope"):
        with pytest.raises(UnknownChecks, match="keyboard, reflow, text-spacing"):
            parse_checks(wrong)


def test_every_rule_is_ours_with_a_known_criterion():
    from django.conf import settings

    from accessibility.checks.runner import CRITERIA

    axe_source = settings.AXE_SCRIPT_PATH.read_text(encoding="utf-8")
    rules = {}
    for check in registry.CHECKS.values():
        assert check.function.__doc__, f"{check.id} has no docstring"
        for rule_id, criterion in check.rule_criteria.items():
            assert rule_id not in rules, f"{rule_id} is declared twice"
            rules[rule_id] = criterion
            assert criterion in CRITERIA
            assert f'id:"{rule_id}"' not in axe_source, f"{rule_id} is an axe-core rule id"
    assert len(rules) >= 15


@pytest.mark.django_db
def test_the_command_refuses_unknown_checks_before_auditing(tmp_path):
    with pytest.raises(CommandError, match=r"Unknown check\(s\) colour: give 'all'") as stopped:
        call_command(
            "audit_accessibility",
            "--no-crawl",
            "--url=http://127.0.0.1:9/x.html",
            "--checks=keyboard,colour",
            f"--output={tmp_path}",
        )
    assert stopped.value.returncode == 2
    assert not AuditRun.objects.exists()


# ---- In the audit, with a browser ----------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db
def test_findings_are_stored_like_violations_and_needs_review_apart(fixture_site, quick_options):
    fixture_site.overrides["/review-only.html"] = REVIEW_ONLY_PAGE
    options = quick_options(checks=["language-of-parts", "input-purpose"])
    run = run_audit(
        url_targets(["/checks-language-failing.html", "/review-only.html", "/clean.html"]),
        options=options,
    )
    assert run.settings["checks"] == ["language-of-parts", "input-purpose"]
    failing = run.page_results.get(url__endswith="/checks-language-failing.html")
    assert failing.status == PageResult.Status.VIOLATIONS
    violation = failing.violations.get(target="#cyrillic")
    assert (violation.check_id, violation.criterion, violation.kind) == (
        "language-of-parts",
        "3.1.2",
        "violation",
    )
    assert violation.tags == ["wcag2aa", "wcag312", "beyond-axe"]
    assert violation.help_url.endswith("/Understanding/language-of-parts")
    assert violation.help.startswith("Text in another language")  # The msgid, in English.
    assert violation.fingerprint == fingerprint(
        "language-of-parts-script", "#cyrillic", failing.page_identity, 1
    )

    review_only = run.page_results.get(url__endswith="/review-only.html")
    assert review_only.status == PageResult.Status.OK
    assert review_only.violations.count() == 0
    finding = Violation.needs_review.get(page_result=review_only)
    assert (finding.rule_id, finding.kind) == ("language-of-parts-review", NEEDS_REVIEW)

    # Counted and failing like violations; needs review never.
    in_run = Violation.objects.filter(page_result__run=run)
    assert run.violations_total == in_run.count() == 3  # Two script, one link; none from axe.
    assert not in_run.filter(kind=NEEDS_REVIEW).exists()
    assert Violation.needs_review.filter(page_result__run=run).count() == 3
    assert run.status == AuditRun.Status.FAILED and exit_code(run) == 1


@pytest.mark.browser
@pytest.mark.django_db
def test_a_page_with_only_needs_review_findings_passes(fixture_site, quick_options):
    fixture_site.overrides["/review-only.html"] = REVIEW_ONLY_PAGE
    run = run_audit(
        url_targets(["/review-only.html"]), options=quick_options(checks=["language-of-parts"])
    )
    assert run.status == AuditRun.Status.PASSED and exit_code(run) == 0
    assert Violation.all_findings.filter(page_result__run=run).count() == 1


@pytest.mark.browser
@pytest.mark.django_db
def test_the_baseline_accepts_a_check_violation_by_its_fingerprint(fixture_site, quick_options):
    targets = url_targets(["/checks-input-purpose-failing.html"])
    first = run_audit(targets, options=quick_options(checks=["input-purpose"]))
    assert first.status == AuditRun.Status.FAILED
    baseline = updated_baseline(
        Baseline(),
        Violation.objects.filter(page_result__run=first),
        reason="Known",
        expires=datetime.date.today() + datetime.timedelta(days=30),
    )
    second = run_audit(targets, options=quick_options(checks=["input-purpose"], baseline=baseline))
    assert second.status == AuditRun.Status.PASSED
    assert second.violations_new == 0 and second.violations_total == first.violations_total


@pytest.mark.browser
@pytest.mark.django_db
def test_a_check_that_raises_is_its_error_on_that_page_and_the_run_goes_on(
    fixture_site, quick_options, monkeypatch
):
    checks = {
        **registry.CHECKS,
        "raises": Check("raises", f"{__name__}:raising_check", rules={"x-rule": "2.4.7"}),
        "undeclared": Check(
            "undeclared", f"{__name__}:undeclared_rule_check", rules={"ours": "1.4.3"}
        ),
    }
    monkeypatch.setattr(registry, "CHECKS", checks)
    run = run_audit(
        url_targets(["/checks-input-purpose-failing.html", "/clean.html"]),
        options=quick_options(checks=["raises", "input-purpose", "undeclared"]),
    )
    result = run.page_results.get(url__endswith="/checks-input-purpose-failing.html")
    errors = {error["check"]: error["error"] for error in result.check_errors}
    assert errors["raises"] == "RuntimeError: the page has no body to walk"
    assert "reported rule 'color-contrast'" in errors["undeclared"]
    # The checks after the one that raised still ran; axe's result stands.
    assert result.violations.filter(check_id="input-purpose").count() == 5
    assert not Violation.all_findings.filter(rule_id="color-contrast").exists()
    assert run.page_results.get(url__endswith="/clean.html").check_errors != []
    assert run.status == AuditRun.Status.ERROR and exit_code(run) == 2


@pytest.mark.browser
@pytest.mark.django_db
def test_every_report_lists_findings_needs_review_apart_and_check_errors(
    fixture_site, quick_options, monkeypatch, tmp_path
):
    checks = {
        **registry.CHECKS,
        "raises": Check("raises", f"{__name__}:raising_check", rules={"x-rule": "2.4.7"}),
    }
    monkeypatch.setattr(registry, "CHECKS", checks)
    run = run_audit(
        url_targets(["/checks-language-failing.html"]),
        options=quick_options(checks=["language-of-parts", "raises"]),
    )
    written = write_reports(run, tmp_path / "ru", ["json", "junit", "html", "markdown"], "ru")

    document = json.loads(written["json"].read_text())
    page = document["pages"][0]
    assert {v["rule"] for v in page["violations"]} >= {"language-of-parts-script"}
    assert all(v["kind"] == "violation" for v in page["violations"])
    assert {v["rule"] for v in page["needs_review"]} == {"language-of-parts-review"}
    assert not any(v["fails_run"] for v in page["needs_review"])
    assert page["check_errors"][0]["check"] == "raises"
    assert document["run"]["counts"]["needs_review"] == 2
    with translation.override("ru"):
        russian_help = str(registry_help("language-of-parts-script"))
    assert russian_help != "Text in another language must be marked with its own lang attribute."
    assert page["violations"][0]["help"] == russian_help or any(
        v["help"] == russian_help for v in page["violations"]
    )

    suite = ElementTree.parse(written["junit"]).getroot().find("testsuite")
    case = suite.find("testcase")
    assert case.find("error[@type='CheckError']") is not None
    failures = case.findall("failure")
    assert {f.get("type") for f in failures} == {
        "language-of-parts-script",
        "language-of-parts-link",
    }
    assert "needs review, never failing" in case.find("system-out").text

    html = written["html"].read_text()
    assert 'id="needs-review"' in html and 'id="check-errors"' in html
    assert russian_help in html
    markdown = written["markdown"].read_text()
    assert "language-of-parts-review" in markdown.split("###")[-1]  # Its own, last section.
    assert "raises" in markdown


def registry_help(rule_id):
    from accessibility.checks import language

    return {
        "language-of-parts-script": language.TEXT_HELP,
        "language-of-parts-link": language.LINK_HELP,
    }[rule_id]
