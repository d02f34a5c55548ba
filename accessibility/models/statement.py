"""The accessibility statement page, after the EU model statement (Decision (EU) 2018/1523).

Editors write the parts only people can (the commitment, content out of scope, the feedback
contact, the enforcement procedure); the figures and the known problems are read at render time
from the latest finished audit of the whole site and from the baseline's reasons, so the
statement never goes stale.
"""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage

from .audit import AuditRun, PageResult, Violation

STATEMENT_RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class ComplianceStatus(models.TextChoices):
    FROM_AUDIT = "from-audit", _("Decide from the latest audit")
    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")


class PreparationMethod(models.TextChoices):
    SELF = "self", _("Self-assessment")
    THIRD_PARTY = "third-party", _("Assessment by a third party")


class AccessibilityStatementPage(BasePage):
    """The site's accessibility statement in one language; one per language's home page."""

    commitment = RichTextField(
        _("commitment"),
        features=STATEMENT_RICH_TEXT_FEATURES,
        help_text=_("Who is committed to making which website accessible, under which law."),
    )
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=16,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.FROM_AUDIT,
        help_text=_(
            "Leave on “Decide from the latest audit” to state full compliance only while the "
            "latest audit finds no violation."
        ),
    )
    non_accessible_content = RichTextField(
        _("content that is not accessible, and why"),
        blank=True,
        features=STATEMENT_RICH_TEXT_FEATURES,
        help_text=_(
            "Non-compliance, disproportionate burden and content out of scope. The problems "
            "found by the latest audit are listed after this text automatically."
        ),
    )
    preparation_method = models.CharField(
        _("preparation method"),
        max_length=16,
        choices=PreparationMethod.choices,
        default=PreparationMethod.SELF,
    )
    prepared_on = models.DateField(_("statement prepared on"), default=datetime.date.today)
    feedback = RichTextField(
        _("feedback and contact"),
        features=STATEMENT_RICH_TEXT_FEATURES,
        help_text=_("How to report a problem or ask for content in another format."),
    )
    feedback_email = models.EmailField(_("feedback e-mail address"), blank=True)
    feedback_phone = models.CharField(_("feedback telephone"), max_length=30, blank=True)
    enforcement_procedure = RichTextField(
        _("enforcement procedure"),
        features=STATEMENT_RICH_TEXT_FEATURES,
        help_text=_("Whom to turn to when the answer to feedback is not satisfactory."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("commitment"),
        FieldPanel("compliance_status"),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [FieldPanel("preparation_method"), FieldPanel("prepared_on")],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel(
            [FieldPanel("feedback"), FieldPanel("feedback_email"), FieldPanel("feedback_phone")],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("enforcement_procedure"),
    ]

    # A telephone number is the same in every language.
    override_translatable_fields = [SynchronizedField("feedback_phone")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "accessibility/statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Its figures change with every audit, which publishes nothing: never keep a stale copy
        # in the page cache (or a shared cache in front of the site).
        patch_cache_control(response, no_cache=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        figures = statement_figures()
        context["figures"] = figures
        context["status"] = self.effective_status(figures)
        return context

    def effective_status(self, figures):
        if self.compliance_status != ComplianceStatus.FROM_AUDIT:
            return self.compliance_status
        if figures.run is None:
            return ComplianceStatus.NONE  # Not assessed: no claim of compliance.
        if figures.violations == 0 and figures.pages_error == 0:
            return ComplianceStatus.FULL
        return ComplianceStatus.PARTIAL


@dataclass
class KnownProblem:
    rule_id: str
    help: str
    help_url: str
    impact: str
    pages: int
    languages: list
    reasons: list  # The baseline's reasons for accepting some of these violations.


@dataclass
class StatementFigures:
    run: AuditRun | None = None
    pages_audited: int = 0
    pages_clean: int = 0
    pages_error: int = 0
    violations: int = 0
    languages: list = field(default_factory=list)
    viewports: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def latest_site_run():
    from accessibility.admin.report import latest_site_run as newest

    return newest()


def statement_figures(run=None):
    """The statement's figures from `run` (by default the latest finished site audit)."""
    run = run or latest_site_run()
    if run is None:
        return StatementFigures()
    results = run.page_results.all()
    violations = Violation.objects.filter(page_result__run=run)
    return StatementFigures(
        run=run,
        pages_audited=results.exclude(status=PageResult.Status.ERROR).count(),
        pages_clean=results.filter(status=PageResult.Status.OK).count(),
        pages_error=results.filter(status=PageResult.Status.ERROR).count(),
        violations=violations.count(),
        languages=sorted(set(results.values_list("locale", flat=True)) - {""}),
        viewports=list(run.settings.get("viewports", [])),
        tags=list(run.settings.get("tags", [])),
        problems=known_problems(violations),
    )


def known_problems(violations):
    """The violations grouped by rule, most frequent first, with the baseline's reasons."""
    reasons = baseline_reasons()
    rows = (
        violations.values("rule_id")
        .annotate(count=Count("pk"), pages=Count("page_result", distinct=True))
        .order_by("-count", "rule_id")
    )
    problems = []
    for row in rows:
        of_rule = violations.filter(rule_id=row["rule_id"])
        example = of_rule.order_by("pk").first()
        fingerprints = set(of_rule.filter(accepted=True).values_list("fingerprint", flat=True))
        problems.append(
            KnownProblem(
                rule_id=row["rule_id"],
                help=example.help,
                help_url=example.help_url,
                impact=example.impact,
                pages=row["pages"],
                languages=sorted(set(of_rule.values_list("page_result__locale", flat=True))),
                reasons=sorted({reasons[f] for f in fingerprints if f in reasons}),
            )
        )
    return problems


def baseline_reasons():
    """Fingerprint -> reason, from the configured baseline file (nothing if it is unreadable)."""
    from accessibility.baseline import Baseline, BaselineError
    from accessibility.config import audit_settings

    try:
        baseline = Baseline.load(audit_settings()["baseline"])
    except BaselineError:
        return {}
    return {fingerprint: entry.reason for fingerprint, entry in baseline.entries.items()}
