"""The audit engine's Python API: audit targets with axe-core and store the results as they arrive.

Typical uses::

    from accessibility.engine import AuditOptions, run_audit
    from accessibility.targets import all_pages_of, page_targets

    # One page in all its languages, right after publishing (synchronous, one worker):
    run = run_audit(
        page_targets(pages=all_pages_of(page)),
        options=AuditOptions.from_settings(workers=1),
        trigger=AuditRun.Trigger.PUBLISH,
        user=request.user,
    )
    run.status            # "passed", "failed" or "error"
    run.page_results.all()  # PageResult rows, each with .violations

    # Any URLs of a running site:
    run_audit(url_targets(["/az/", "/en/"]), options=AuditOptions(base_url="http://127.0.0.1:8000"))

`run_audit(targets, *, options, trigger, user=None, on_result=None) -> AuditRun` first starts one
browser (raising `BrowserUnavailable`, before any run is stored, if none can start), then audits
every target in every viewport and preference variant of `options`, writes each `PageResult` and
its `Violation`s in its own transaction as soon as it arrives (so a killed run keeps what it
had), then finishes the run: status "error" if any page could not be audited, else "failed" if a
violation at or above `options.fail_impact` is not accepted by `options.baseline`, else "passed".
An address that is not HTML (a PDF, an image) is recorded as "skipped" with its content type and
fails nothing. A run stopped by `AuditInterrupted` (the command raises it on SIGTERM and SIGINT)
or Ctrl-C is marked "interrupted", its browsers are killed, and the exception goes on.
`exit_code(run)` turns that into 0, 1 or 2. `on_result(page_result)` is called after each write.

The base URL defaults to the setting `ACCESSIBILITY_AUDIT_BASE_URL`, else `WAGTAILADMIN_BASE_URL`:
the site must be served there (the command serves it itself on a loopback port when needed).
Configuration (tags, viewports, variants, workers, timeout, fail impact) comes from the single
settings entry `ACCESSIBILITY_AUDIT`, read by `accessibility.config`.
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .axe import check_tags
from .baseline import Baseline
from .checks.findings import NEEDS_REVIEW
from .checks.registry import parse_checks, start_run
from .checks.runner import help_url_of, msgid, shorten, tags_of
from .config import audit_settings
from .fingerprints import Occurrences, fingerprint, target_text
from .models import AuditRun, PageResult, Violation
from .models.audit import IMPACT_ORDER
from .targets import Variant, parse_variant, parse_viewport
from .workers import Job, WorkerPool, default_browser_factory

EXIT_CODES = {
    AuditRun.Status.PASSED: 0,
    AuditRun.Status.FAILED: 1,
    AuditRun.Status.ERROR: 2,
    AuditRun.Status.INTERRUPTED: 2,
}


class AuditInterrupted(BaseException):  # noqa: N818 - like KeyboardInterrupt, not an error
    """The run was asked to stop (a signal); `signal_name` says which."""

    def __init__(self, signal_name):
        super().__init__(signal_name)
        self.signal_name = signal_name


def default_base_url():
    configured = getattr(settings, "ACCESSIBILITY_AUDIT_BASE_URL", "")
    return configured or getattr(settings, "WAGTAILADMIN_BASE_URL", "")


@dataclass
class AuditOptions:
    """How to audit; `AuditOptions.from_settings(**overrides)` starts from ACCESSIBILITY_AUDIT."""

    base_url: str = ""
    viewports: list = field(default_factory=lambda: [parse_viewport("1280x800")])
    variants: list = field(default_factory=lambda: [Variant()])
    tags: list | None = None
    include_best_practice: bool = False
    workers: int = 1
    timeout: float = 30.0
    attempts: int = 2  # The first try and one retry in a fresh browser.
    fail_impact: str = "minor"
    baseline: Baseline = field(default_factory=Baseline)
    remote_url: str | None = None
    browser_factory: object = default_browser_factory
    # Ids of the checks beyond axe to run on each page view (accessibility.checks.registry).
    checks: list = field(default_factory=list)

    @classmethod
    def from_settings(cls, **overrides):
        config = audit_settings()
        values = {
            "viewports": [parse_viewport(text) for text in config["viewports"]],
            "variants": [parse_variant(name) for name in config["variants"]],
            "tags": config["tags"],
            "include_best_practice": config["include_best_practice"],
            "workers": config["workers"],
            "timeout": config["timeout"],
            "fail_impact": config["fail_impact"],
            "baseline": Baseline.load(config["baseline"]),
            "checks": parse_checks(config["checks"]),
        }
        values.update(overrides)
        return cls(**values)

    def __post_init__(self):
        if self.fail_impact not in IMPACT_ORDER:
            raise ValueError(f"fail_impact must be one of {', '.join(IMPACT_ORDER)}.")
        if self.workers < 1 or self.timeout <= 0:
            raise ValueError("workers must be at least 1 and timeout positive.")
        check_tags(self.tags)  # An unknown tag would silently run no rule.
        self.checks = parse_checks(self.checks)  # An unknown check would silently run nothing.
        self.base_url = (self.base_url or default_base_url()).rstrip("/")

    def as_settings_json(self):
        """What the run stores: everything that decides its results."""
        return {
            "base_url": self.base_url,
            "viewports": [viewport.label for viewport in self.viewports],
            "variants": [asdict(variant) for variant in self.variants],
            "tags": list(self.tags or audit_settings()["tags"]),
            "include_best_practice": self.include_best_practice,
            "workers": self.workers,
            "timeout": self.timeout,
            "attempts": self.attempts,
            "fail_impact": self.fail_impact,
            "remote_url": self.remote_url or "",
            "checks": list(self.checks),
            "baseline_entries": len(self.baseline.entries),
            # Listed in every report: an expired entry no longer accepts its violation.
            "baseline_expired": [
                entry.as_json()
                for entry in sorted(
                    self.baseline.expired_entries(), key=lambda e: (e.expires, e.page, e.rule)
                )
            ],
        }


def plan_jobs(targets, options):
    return [
        Job(
            target=target,
            viewport=viewport,
            variant=variant,
            url=target.absolute_url(options.base_url),
        )
        for target in targets
        for viewport in options.viewports
        for variant in options.variants
    ]


def run_audit(
    targets,
    *,
    options,
    trigger=AuditRun.Trigger.COMMAND,
    user=None,
    on_result=None,
    on_start=None,
):
    """Audit `targets`; return the finished AuditRun (see the module docstring).

    `on_start(run)` is called once the run is stored, before the first page is audited.
    """
    jobs = plan_jobs(targets, options)
    start_run(options.checks)
    # Fail fast: a browser that cannot start (no Chromium, an unreachable Grid) is one clear
    # error before anything is stored, not one error per page.
    first_driver = options.browser_factory(remote_url=options.remote_url) if jobs else None
    pool = WorkerPool(jobs, options, first_driver)
    run = None
    try:
        run = AuditRun.objects.create(
            trigger=trigger,
            triggered_by=user,
            base_url=options.base_url,
            settings=options.as_settings_json(),
            pages_total=len(jobs),
        )
        if on_start:
            on_start(run)
        with pool:
            for outcome in pool.outcomes():
                page_result = record_outcome(run, outcome, options)
                if on_result:
                    on_result(page_result)
    except BaseException as interruption:  # A signal, Ctrl-C, an error: keep what we have.
        pool.abort()  # Every browser is killed, whether the workers had started or not.
        if run is not None:
            mark_interrupted(run, interruption)
        raise
    return finish_run(run, options)


def mark_interrupted(run, interruption):
    """An unfinished run is never a pass; its recorded results stay.

    Stopped on purpose (a signal, Ctrl-C) it is "interrupted", after a failure "error".
    """
    stopped = isinstance(interruption, AuditInterrupted | KeyboardInterrupt | SystemExit)
    run.refresh_from_db()
    run.refresh_counts(save=False)
    run.status = AuditRun.Status.INTERRUPTED if stopped else AuditRun.Status.ERROR
    run.finished_at = timezone.now()
    reason = getattr(interruption, "signal_name", "") or type(interruption).__name__
    run.settings = {**run.settings, "interrupted": reason}
    run.save()


@transaction.atomic
def record_outcome(run, outcome, options):
    """Store one page's outcome and its violations, and count them on the run."""
    job = outcome.job
    rows = _violation_rows(outcome, job, options) if outcome.results else []
    rows += _finding_rows(outcome, job, options)
    violations = [row for row in rows if row.kind != NEEDS_REVIEW]
    if outcome.error:
        status = PageResult.Status.ERROR
    elif outcome.skipped_content_type:
        status = PageResult.Status.SKIPPED
    elif violations:
        status = PageResult.Status.VIOLATIONS
    else:
        status = PageResult.Status.OK
    page_result = PageResult.objects.create(
        run=run,
        url=job.url,
        locale=job.target.locale,
        page_id=job.target.page_id,
        revision_id=job.target.revision_id,
        page_identity=job.target.page_identity(),
        page_type=job.target.page_type,
        viewport=job.viewport.label,
        variant=job.variant.name,
        status=status,
        error_message=outcome.error,
        http_status=outcome.http_status,
        content_type=outcome.skipped_content_type,
        attempts=outcome.attempts,
        duration_seconds=round(outcome.duration_seconds, 3),
        check_errors=outcome.checks.errors if outcome.checks else [],
    )
    for row in rows:
        row.page_result = page_result
    Violation.all_findings.bulk_create(rows)
    counter = {
        PageResult.Status.OK: "pages_ok",
        PageResult.Status.VIOLATIONS: "pages_with_violations",
        PageResult.Status.ERROR: "pages_error",
        PageResult.Status.SKIPPED: "pages_skipped",
    }[status]
    updates = {
        counter: F(counter) + 1,
        "violations_total": F("violations_total") + len(violations),
        "violations_new": F("violations_new") + sum(not v.accepted for v in violations),
    }
    if outcome.axe_version and not run.axe_version:
        run.axe_version = updates["axe_version"] = outcome.axe_version
    AuditRun.objects.filter(pk=run.pk).update(**updates)
    return page_result


def _violation_rows(outcome, job, options):
    today = datetime.date.today()
    identity = job.target.page_identity()
    occurrences = Occurrences()
    rows = []
    for rule in outcome.results.get("violations", []):
        for node in rule.get("nodes", []):  # In document order: occurrences count in it.
            target = target_text(node.get("target", []))
            occurrence = occurrences.next(rule["id"], target)
            violation_fingerprint = fingerprint(rule["id"], target, identity, occurrence)
            rows.append(
                Violation(
                    rule_id=rule["id"],
                    impact=node.get("impact") or rule.get("impact") or "",
                    tags=list(rule.get("tags", [])),
                    help=rule.get("help", ""),
                    help_url=rule.get("helpUrl", ""),
                    target=target,
                    html=node.get("html", ""),
                    failure_summary=node.get("failureSummary", ""),
                    fingerprint=violation_fingerprint,
                    accepted=options.baseline.accepts(violation_fingerprint, today),
                )
            )
    return rows


def _finding_rows(outcome, job, options):
    """Violation rows (violations and needs-review findings) of the checks beyond axe."""
    if not outcome.checks:
        return []
    today = datetime.date.today()
    identity = job.target.page_identity()
    occurrences = Occurrences()
    rows = []
    for check_id, finding in outcome.checks.findings:
        occurrence = occurrences.next(finding.rule_id, finding.target)
        finding_fingerprint = fingerprint(finding.rule_id, finding.target, identity, occurrence)
        rows.append(
            Violation(
                rule_id=finding.rule_id,
                impact=finding.impact,
                tags=tags_of(finding.criterion),
                help=msgid(finding.help),
                help_url=help_url_of(finding.criterion),
                target=finding.target,
                html=shorten(finding.html),
                failure_summary=finding.failure_summary,
                fingerprint=finding_fingerprint,
                accepted=options.baseline.accepts(finding_fingerprint, today),
                check_id=check_id,
                criterion=finding.criterion,
                kind=finding.kind,
            )
        )
    return rows


def pages_with_check_errors(run):
    return [r for r in run.page_results.only("check_errors") if r.check_errors]


def failing_violations(run, fail_impact=None):
    """Violations of `run` that fail it: not accepted, impact at or above the threshold."""
    fail_impact = fail_impact or run.settings.get("fail_impact", "minor")
    impacts = IMPACT_ORDER[IMPACT_ORDER.index(fail_impact) :]
    return Violation.objects.filter(page_result__run=run, accepted=False, impact__in=impacts)


def finish_run(run, options):
    run.refresh_from_db()
    run.refresh_counts(save=False)
    if run.pages_error or pages_with_check_errors(run):
        run.status = AuditRun.Status.ERROR
    elif failing_violations(run, options.fail_impact).exists():
        run.status = AuditRun.Status.FAILED
    else:
        run.status = AuditRun.Status.PASSED
    run.finished_at = timezone.now()
    run.save()
    return run


def exit_code(run):
    """0 clean, 1 violations at or above the threshold, 2 a page could not be audited."""
    return EXIT_CODES.get(run.status, 2)
