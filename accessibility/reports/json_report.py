"""The raw JSON report: the run, its settings and every page result with its violations."""

import json
from dataclasses import asdict

from django.utils import translation

from .summary import summarize, violation_json


def run_document(run):
    summary = summarize(run)
    return {
        "run": {
            "id": run.pk,
            "status": run.status,
            "trigger": run.trigger,
            "started_at": run.started_at.isoformat(),
            "finished_at": run.finished_at.isoformat() if run.finished_at else None,
            "axe_version": run.axe_version,
            "base_url": run.base_url,
            "settings": run.settings,
            "counts": {
                "pages": len(summary.page_results),
                "pages_audited": summary.audited_count,
                "pages_skipped": run.pages_skipped,
                "pages_ok": run.pages_ok,
                "pages_with_violations": run.pages_with_violations,
                "pages_error": run.pages_error,
                "violations": run.violations_total,
                "violations_not_in_baseline": run.violations_new,
                "violations_failing": summary.failing_count,
                "needs_review": summary.review_count,
                "check_errors": len(summary.check_errors),
            },
            "baseline_expired": [asdict(entry) for entry in summary.expired_entries],
        },
        "pages": [
            {
                "url": result.url,
                "locale": result.locale,
                "page_id": result.page_id,
                "revision_id": result.revision_id,
                "page_identity": result.page_identity,
                "page_type": result.page_type,
                "viewport": result.viewport,
                "variant": result.variant,
                "status": result.status,
                "error": result.error_message,
                "http_status": result.http_status,
                "content_type": result.content_type,
                "attempts": result.attempts,
                "duration_seconds": result.duration_seconds,
                "violations": [
                    violation_json(violation, summary.failing_ids)
                    for violation in result.violations.all()
                ],
                # Findings a person must judge: never failing the run.
                "needs_review": [
                    violation_json(finding, summary.failing_ids)
                    for finding in result.review_findings
                ],
                "check_errors": result.check_errors,
            }
            for result in summary.page_results
        ],
    }


def write_json_report(run, path, language="en"):
    with translation.override(language):  # The checks' help texts, in the report's language.
        document = run_document(run)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
