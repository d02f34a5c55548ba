"""Storage of accessibility audits: a run, one result per audited page variant, its violations.

Results are written as they arrive (one transaction per page result), so a run that is killed keeps
everything it had recorded; a run stopped by a signal (a cancelled CI job, Ctrl-C) is marked
"interrupted", and only a run killed outright stays "running" with no `finished_at`.
"""

from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

IMPACT_ORDER = ("minor", "moderate", "serious", "critical")


class AuditRun(models.Model):
    """One audit of a set of URLs with one axe configuration."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        PASSED = "passed", _("Passed")
        # Violations at or above the failing impact that are not accepted by the baseline.
        FAILED = "failed", _("Failed")
        # At least one page could not be audited.
        ERROR = "error", _("Error")
        # Stopped from the admin before it finished.
        CANCELLED = "cancelled", _("Cancelled")
        # Stopped before the end (SIGTERM, SIGINT): never a pass; what was recorded stays.
        INTERRUPTED = "interrupted", _("Interrupted")

    class Trigger(models.TextChoices):
        COMMAND = "command", _("Command")
        # A noun: the audit ran because a page was published.
        PUBLISH = "publish", pgettext_lazy("audit trigger", "Publish")
        ADMIN = "admin", _("Admin")

    started_at = models.DateTimeField(_("started at"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RUNNING, db_index=True
    )
    trigger = models.CharField(
        _("trigger"), max_length=16, choices=Trigger.choices, default=Trigger.COMMAND
    )
    triggered_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("triggered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    base_url = models.CharField(_("base URL"), max_length=500, blank=True)
    # The options the run used: tags, viewports, variants, workers, timeout, failing impact...
    settings = models.JSONField(_("settings"), default=dict, blank=True)
    axe_version = models.CharField(_("axe-core version"), max_length=32, blank=True)
    pages_total = models.PositiveIntegerField(_("pages planned"), default=0)
    pages_ok = models.PositiveIntegerField(_("pages without violations"), default=0)
    pages_with_violations = models.PositiveIntegerField(_("pages with violations"), default=0)
    pages_error = models.PositiveIntegerField(_("pages not audited"), default=0)
    # Addresses that answered with something other than HTML (a PDF, an image...).
    pages_skipped = models.PositiveIntegerField(_("addresses skipped (not HTML)"), default=0)
    violations_total = models.PositiveIntegerField(_("violations"), default=0)
    violations_new = models.PositiveIntegerField(
        _("violations not accepted by the baseline"), default=0
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("accessibility audit run")
        verbose_name_plural = _("accessibility audit runs")
        permissions = [
            ("view_audit_report", "Can view accessibility audit reports"),
            ("start_audit_run", "Can start accessibility audit runs"),
        ]

    def __str__(self):
        return f"Audit #{self.pk} ({self.get_status_display()})"

    @property
    def pages_done(self):
        return self.pages_ok + self.pages_with_violations + self.pages_error + self.pages_skipped

    @property
    def pages_audited(self):
        """Page views axe actually audited (not those in error, nor skipped non-HTML)."""
        return self.pages_ok + self.pages_with_violations

    def refresh_counts(self, save=True):
        """Recount pages and violations from the stored results."""
        results = self.page_results.all()
        self.pages_ok = results.filter(status=PageResult.Status.OK).count()
        self.pages_with_violations = results.filter(status=PageResult.Status.VIOLATIONS).count()
        self.pages_error = results.filter(status=PageResult.Status.ERROR).count()
        self.pages_skipped = results.filter(status=PageResult.Status.SKIPPED).count()
        violations = Violation.objects.filter(page_result__run=self)
        self.violations_total = violations.count()
        self.violations_new = violations.filter(accepted=False).count()
        if save:
            self.save(
                update_fields=[
                    "pages_ok",
                    "pages_with_violations",
                    "pages_error",
                    "pages_skipped",
                    "violations_total",
                    "violations_new",
                ]
            )


class PageResult(models.Model):
    """The audit of one URL in one viewport and preference variant."""

    class Status(models.TextChoices):
        OK = "ok", _("No violations")
        VIOLATIONS = "violations", _("Violations")
        ERROR = "error", _("Not audited")
        # The address answered with something other than HTML: nothing for axe to audit.
        SKIPPED = "skipped", _("Skipped (not HTML)")

    run = models.ForeignKey(
        AuditRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="page_results"
    )
    url = models.CharField(_("URL"), max_length=1000)
    locale = models.CharField(_("language"), max_length=16, blank=True, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What fingerprints name: "page:<translation key>:<language>" for a Wagtail page (stable when
    # its slug changes), else "path:<URL path>".
    page_identity = models.CharField(_("page identity"), max_length=300, blank=True)
    # The page's model ("blog.BlogPage") or, for a non-page view, its kind ("search", "404").
    page_type = models.CharField(_("page type"), max_length=100, blank=True)
    viewport = models.CharField(_("viewport"), max_length=16, help_text=_("width×height"))
    variant = models.CharField(_("preference variant"), max_length=100, default="default")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, db_index=True)
    error_message = models.TextField(_("error message"), blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    duration_seconds = models.FloatField(_("duration (seconds)"), default=0)
    audited_at = models.DateTimeField(_("audited at"), auto_now_add=True)
    # Checks beyond axe that raised on this page: [{"check": id, "error": message}]. The page's
    # other results stand, but the run is an error: a page a check could not judge never passes.
    check_errors = models.JSONField(_("checks that could not run"), default=list, blank=True)

    class Meta:
        ordering = ["run", "url", "viewport", "variant"]
        verbose_name = _("page result")
        verbose_name_plural = _("page results")
        indexes = [models.Index(fields=["page", "-audited_at"])]

    def __str__(self):
        return f"{self.url} [{self.viewport}, {self.variant}]: {self.status}"

    @property
    def path(self):
        """The URL without scheme and host: the same on every run, whatever port served it."""
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


class FindingKind(models.TextChoices):
    VIOLATION = "violation", _("Violation")
    # A check beyond axe can only suspect a barrier: listed apart, never fails a run.
    NEEDS_REVIEW = "needs-review", _("Needs review")


class ViolationManager(models.Manager):
    """Violations only: `Violation.objects` (and `result.violations`) never mix a needs-review
    finding into counts, failures, baselines or reports of violations."""

    kind = FindingKind.VIOLATION

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.kind)


class NeedsReviewManager(ViolationManager):
    kind = FindingKind.NEEDS_REVIEW


class Violation(models.Model):
    """One element failing one axe rule, or one rule of a check beyond axe, on one audited page.

    `Violation.objects` holds the violations; `Violation.needs_review` the findings a check could
    only suspect; `Violation.all_findings` both.
    """

    page_result = models.ForeignKey(
        PageResult,
        verbose_name=_("page result"),
        on_delete=models.CASCADE,
        related_name="violations",
    )
    rule_id = models.CharField(_("rule"), max_length=100, db_index=True)
    impact = models.CharField(_("impact"), max_length=16, blank=True, db_index=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    help = models.TextField(_("help"), blank=True)
    help_url = models.URLField(_("help URL"), max_length=500, blank=True)
    target = models.TextField(_("target selector"))
    html = models.TextField(_("HTML snippet"), blank=True)
    failure_summary = models.TextField(_("failure summary"), blank=True)
    # Stable across runs and unrelated edits: rule + normalized target + page identity.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, db_index=True)
    # Accepted by an unexpired baseline entry, so it does not fail the run.
    accepted = models.BooleanField(_("accepted by the baseline"), default=False)
    # The check beyond axe that reported it ("keyboard", "reflow"...); empty for axe-core's rules.
    check_id = models.CharField(_("check"), max_length=40, blank=True, db_index=True)
    # The WCAG success criterion a check's rule tests ("2.4.7"); empty for axe (its tags say).
    criterion = models.CharField(_("WCAG success criterion"), max_length=16, blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=FindingKind.choices,
        default=FindingKind.VIOLATION,
        db_index=True,
    )

    objects = ViolationManager()
    needs_review = NeedsReviewManager()
    all_findings = models.Manager()  # noqa: DJ012 - a manager, not a field

    class Meta:
        base_manager_name = "all_findings"
        default_manager_name = "objects"
        ordering = ["page_result", "rule_id", "pk"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")

    def __str__(self):
        return f"{self.rule_id} ({self.impact}) at {self.target}"

    @property
    def help_text(self):
        """The help in the active language: a check's help is stored as its msgid."""
        return gettext(self.help) if self.check_id and self.help else self.help


class AuditRequest(models.Model):
    """One audit a person asked for (from the admin, or by publishing): the per-user limit counts
    these, in the database, so that every process sees the same count."""

    user = models.ForeignKey(
        "auth.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit request")
        verbose_name_plural = _("audit requests")

    def __str__(self):
        return f"Audit requested by {self.user_id} at {self.requested_at:%Y-%m-%d %H:%M:%S}"
