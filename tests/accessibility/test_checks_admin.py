"""The admin report shows the checks beyond axe: their violations counted like axe's, needs-review
findings listed apart (never counted), checks that could not run, help in the user's language."""

import pytest
from django.urls import reverse

from accessibility.admin.report import page_status
from accessibility.models import AuditRun, PageResult, Violation
from tests.accessibility.editor_fixtures import homes, make_user  # noqa: F401

pytestmark = pytest.mark.django_db

REPORT = reverse("accessibility_admin:report")
FOCUS_HELP = "A focused element must show that it has the keyboard focus."
REVIEW_HELP = (
    "Focus jumps back up the page here: check that the focus order follows the reading order."
)


def finding(result, rule_id, criterion, kind="violation", target="#a"):
    return Violation.all_findings.create(
        page_result=result,
        rule_id=rule_id,
        impact="serious",
        tags=["wcag2aa", "wcag" + criterion.replace(".", ""), "beyond-axe"],
        help=FOCUS_HELP if kind == "violation" else REVIEW_HELP,
        target=target,
        fingerprint=f"{rule_id}{target}",
        check_id="keyboard",
        criterion=criterion,
        kind=kind,
    )


@pytest.fixture
def run(homes):  # noqa: F811 - the fixture
    run = AuditRun.objects.create(status=AuditRun.Status.ERROR, settings={"checks": ["keyboard"]})
    result = PageResult.objects.create(
        run=run,
        url="/ru/",
        locale="ru",
        page=homes["ru"],
        viewport="1280x800",
        status=PageResult.Status.VIOLATIONS,
        check_errors=[{"check": "keyboard", "error": "RuntimeError: the walk broke"}],
    )
    finding(result, "keyboard-focus-visible", "2.4.7")
    finding(result, "keyboard-order-review", "2.4.3", kind="needs-review", target="#b")
    finding(result, "keyboard-order-review", "2.4.3", kind="needs-review", target="#c")
    run.refresh_counts()
    return run


def test_the_report_counts_violations_and_lists_needs_review_apart_in_russian(client, run):
    client.force_login(make_user("reviewer", language="ru", permissions=["view_audit_report"]))
    html = client.get(REPORT).content.decode()
    assert run.violations_total == 1
    assert 'data-figure="violations">1<' in html
    assert html.count("keyboard-order-review") == 2
    assert "RuntimeError: the walk broke" in html
    # Help texts in the user's language, not the stored English msgid.
    assert REVIEW_HELP not in html
    assert "Здесь фокус прыгает назад" in html
    assert "Требует проверки" in html

    detail = client.get(reverse("accessibility_admin:result", args=[run.page_results.get().pk]))
    text = detail.content.decode()
    assert "Элемент в фокусе должен показывать" in text and "WCAG 2.4.7" in text
    assert "Здесь фокус прыгает назад" in text and "RuntimeError: the walk broke" in text


def test_a_pages_status_counts_violations_not_needs_review(run, homes):  # noqa: F811
    status = page_status(homes["ru"])
    assert status.violations == 1
    assert status.state == "error"  # A check could not run on it: not judged clean.


def test_deleting_a_run_deletes_its_needs_review_findings_too(run):
    assert Violation.all_findings.filter(page_result__run=run).count() == 3
    run.delete()
    assert not Violation.all_findings.exists()
