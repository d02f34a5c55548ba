"""The accessibility statement page, after the EU model statement (Decision (EU) 2018/1523).

Editors write the parts only people can (the commitment, content that is not accessible such as
scanned PDFs, the date of the last manual review, the feedback contact, the enforcement
procedure); the figures and the known problems are read at render time from the latest finished
audit of the whole site and from the baseline's reasons, so the statement never goes stale.

The compliance status it states ("Decide from the audits"):
- "not yet assessed" before any finished audit of the whole site;
- "partially compliant" while anything is known to be wrong: a violation (accepted by the
  baseline or not), a page that could not be audited, content the editors list as not
  accessible, or criteria no software checks that no person has reviewed recently;
- "fully compliant" only when nothing is known AND a person reviewed the site within
  `ACCESSIBILITY_STATEMENT_REVIEW_DAYS` (default 365).
An editor may state less than that (partially or not compliant), never more.

The site chooses the page's base class (`ACCESSIBILITY_STATEMENT_PAGE_BASE`, an abstract page
model that adds no database field, so the migrations stay the app's own) and where it may be
created (`ACCESSIBILITY_STATEMENT_PARENT_PAGE_TYPES`); its template extends the site's
`base.html` and fills `{% block content %}`.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Count
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from accessibility.forms import AccessibilityCheckedPageForm

from .audit import AuditRun, PageResult, Violation
from .runs import latest_site_run

try:  # wagtail-localize is optional: it says which fields a translation keeps from its source.
    from wagtail_localize.fields import SynchronizedField
except ImportError:
    SynchronizedField = None

STATEMENT_RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


# Not an editor's choice: the status before any audit of the whole site.
NOT_ASSESSED = "not-assessed"
REVIEW_DAYS = 365


class ComplianceStatus(models.TextChoices):
    FROM_AUDIT = "from-audit", _("Decide from the latest audit")
    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")


class PreparationMethod(models.TextChoices):
    SELF = "self", _("Self-assessment")
    THIRD_PARTY = "third-party", _("Assessment by a third party")


def statement_page_base():
    """The site's base class for the statement page (`ACCESSIBILITY_STATEMENT_PAGE_BASE`).

    Wagtail's `Page` by default; otherwise an abstract subclass of it without database fields:
    a field or a concrete model would need a migration the app cannot ship.
    """
    dotted_path = getattr(settings, "ACCESSIBILITY_STATEMENT_PAGE_BASE", "wagtail.models.Page")
    try:
        base = import_string(dotted_path)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"ACCESSIBILITY_STATEMENT_PAGE_BASE = {dotted_path!r} cannot be imported: {error}"
        ) from error
    if base is Page:
        return base
    if not (isinstance(base, type) and issubclass(base, Page) and base._meta.abstract):
        raise ImproperlyConfigured(
            f"ACCESSIBILITY_STATEMENT_PAGE_BASE = {dotted_path!r} must be an abstract subclass "
            "of wagtail.models.Page."
        )
    fields = [
        field.name
        for field in base._meta.local_fields + base._meta.local_many_to_many
        if not (field.one_to_one and field.remote_field.parent_link)  # The link to `Page`.
    ]
    if fields:
        raise ImproperlyConfigured(
            f"ACCESSIBILITY_STATEMENT_PAGE_BASE = {dotted_path!r} adds database fields "
            f"({', '.join(fields)}); the statement's migrations cannot include them. Move them "
            "to a mixin of your own page types."
        )
    return base


StatementPageBase = statement_page_base()


class AccessibilityStatementPage(StatementPageBase):
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
            "Leave on “Decide from the latest audit”: the statement then says “fully "
            "compliant” only while the latest audit finds nothing, nothing is listed as not "
            "accessible and the manual review below is recent. You can state less, never more."
        ),
    )
    manual_review_on = models.DateField(
        _("last manual review on"),
        null=True,
        blank=True,
        help_text=_(
            "When a person last checked what no software can (keyboard use, reading order, "
            "text alternatives that make sense, captions, documents). Full compliance is only "
            "stated while this date is recent."
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

    # The site's base form class if it has one, else the content checks of this app.
    base_form_class = getattr(StatementPageBase, "base_form_class", AccessibilityCheckedPageForm)

    content_panels = StatementPageBase.content_panels + [
        FieldPanel("commitment"),
        FieldPanel("compliance_status"),
        FieldPanel("manual_review_on"),
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

    # A telephone number and the date of a review are the same in every language.
    override_translatable_fields = (
        [SynchronizedField("feedback_phone"), SynchronizedField("manual_review_on")]
        if SynchronizedField
        else []
    )

    parent_page_types = getattr(settings, "ACCESSIBILITY_STATEMENT_PARENT_PAGE_TYPES", None)
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
        context["manual_review_recent"] = self.manual_review_is_recent()
        return context

    def manual_review_is_recent(self, today=None):
        if self.manual_review_on is None:
            return False
        today = today or datetime.date.today()
        days = getattr(settings, "ACCESSIBILITY_STATEMENT_REVIEW_DAYS", REVIEW_DAYS)
        return today - self.manual_review_on <= datetime.timedelta(days=days)

    def has_known_problems(self, figures):
        return bool(
            figures.violations
            or figures.pages_error
            or figures.accepted
            or str(self.non_accessible_content or "").strip()
            or not self.manual_review_is_recent()
        )

    def effective_status(self, figures):
        if figures.run is None:
            if self.compliance_status in (ComplianceStatus.PARTIAL, ComplianceStatus.NONE):
                return self.compliance_status
            return NOT_ASSESSED
        measured = (
            ComplianceStatus.PARTIAL if self.has_known_problems(figures) else ComplianceStatus.FULL
        )
        # An editor may claim less than the audits show, never more.
        if self.compliance_status == ComplianceStatus.NONE:
            return ComplianceStatus.NONE
        if self.compliance_status == ComplianceStatus.PARTIAL:
            return ComplianceStatus.PARTIAL
        return measured


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
    accepted: int = 0  # Violations the baseline accepts for now: still known problems.
    languages: list = field(default_factory=list)  # Names, in the active language.
    viewports: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    problems: list = field(default_factory=list)


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
        accepted=violations.filter(accepted=True).count(),
        languages=language_names(set(results.values_list("locale", flat=True)) - {""}),
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
                languages=language_names(
                    set(of_rule.values_list("page_result__locale", flat=True))
                ),
                reasons=sorted({reasons[f] for f in fingerprints if f in reasons}),
            )
        )
    return problems


def language_names(codes):
    """Language codes as names in the active language ("English", "ingilis"), in code order."""
    names = []
    for code in sorted(codes):
        try:
            names.append(translation.get_language_info(code)["name_translated"])
        except KeyError:
            names.append(code)
    return names


def baseline_reasons():
    """Fingerprint -> reason, from the configured baseline file (nothing if it is unreadable)."""
    from accessibility.baseline import Baseline, BaselineError
    from accessibility.config import audit_settings

    try:
        baseline = Baseline.load(audit_settings()["baseline"])
    except BaselineError:
        return {}
    return {fingerprint: entry.reason for fingerprint, entry in baseline.entries.items()}
