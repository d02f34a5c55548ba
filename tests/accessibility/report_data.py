"""A stored audit run built without a browser, to test the reports against known counts."""

from django.utils import timezone

from accessibility.fingerprints import fingerprint
from accessibility.models import AuditRun, PageResult, Violation


def violation(result, rule_id, impact, target, accepted=False):
    return Violation.objects.create(
        page_result=result,
        rule_id=rule_id,
        impact=impact,
        tags=["wcag2a"],
        help=f"Help for {rule_id} <with markup & ampersand>",
        help_url=f"https://dequeuniversity.com/rules/axe/4.14/{rule_id}",
        target=target,
        html=f'<div id="{target[1:]}" onclick="alert(1)">x</div>',
        failure_summary="Fix any of the following:\n  Something | with a pipe",
        fingerprint=fingerprint(rule_id, target, result.page_identity),
        accepted=accepted,
    )


def stored_run():
    """Three page views: one with 3 violations (1 accepted, 1 minor), one clean, one error."""
    run = AuditRun.objects.create(
        status=AuditRun.Status.ERROR,
        base_url="http://127.0.0.1:8000",
        axe_version="4.14.1",
        settings={
            "viewports": ["1280x800"],
            "tags": ["wcag2a", "wcag2aa"],
            "fail_impact": "moderate",
        },
        finished_at=timezone.now(),
    )

    def result(url, locale, status, **extra):
        return PageResult.objects.create(
            run=run,
            url=f"http://127.0.0.1:8000{url}",
            locale=locale,
            page_identity=f"path:{url}",
            viewport="1280x800",
            status=status,
            duration_seconds=1.25,
            **extra,
        )

    news = result("/az/news/", "az", PageResult.Status.VIOLATIONS)
    violation(news, "color-contrast", "serious", "#low-contrast")
    violation(news, "image-alt", "critical", "#photo", accepted=True)
    violation(news, "empty-table-header", "minor", "#table-1")
    result("/en/", "en", PageResult.Status.OK)
    result("/ru/slow/", "ru", PageResult.Status.ERROR, error_message="attempt 1: timeout")
    run.refresh_counts()
    return run
