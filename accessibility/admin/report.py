"""The figures the admin report shows, read from the stored audit runs (no HTML here).

Site runs (started by the command or from the admin) make the report and its trend; runs queued
by publishing audit one page and only count for that page's status.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from accessibility.models import AuditRun, PageResult, Violation
from accessibility.models.audit import IMPACT_ORDER, FindingKind
from accessibility.models.runs import finished_site_runs, latest_site_run, site_runs  # noqa: F401
from accessibility.site import audit_site

TREND_LENGTH = 12

# axe-core's impact levels, as people read them.
IMPACT_LABELS = {
    "critical": pgettext_lazy("accessibility impact", "Critical"),
    "serious": pgettext_lazy("accessibility impact", "Serious"),
    "moderate": pgettext_lazy("accessibility impact", "Moderate"),
    "minor": pgettext_lazy("accessibility impact", "Minor"),
}


def impact_label(impact):
    return IMPACT_LABELS.get(impact, impact or "—")


def page_type_label(page_type):
    """ "blog.ArticlePage" as its verbose name ("Article"), a view kind by the site's label."""
    view_labels = audit_site().view_labels
    if page_type in view_labels:
        return view_labels[page_type]
    app_label, _dot, model_name = page_type.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return page_type or "—"
    return model._meta.verbose_name


@dataclass
class ReportFilters:
    """Validated filters; empty strings mean "all"."""

    language: str = ""
    impact: str = ""
    rule: str = ""
    page_type: str = ""

    def apply_to_results(self, results):
        if self.language:
            results = results.filter(locale=self.language)
        if self.page_type:
            results = results.filter(page_type=self.page_type)
        return results

    def apply_to_violations(self, violations):
        if self.language:
            violations = violations.filter(page_result__locale=self.language)
        if self.page_type:
            violations = violations.filter(page_result__page_type=self.page_type)
        if self.impact:
            violations = violations.filter(impact=self.impact)
        if self.rule:
            violations = violations.filter(rule_id=self.rule)
        return violations

    @property
    def active(self):
        return any((self.language, self.impact, self.rule, self.page_type))


@dataclass
class RunSummary:
    run: AuditRun
    pages_audited: int
    pages_with_violations: int
    violations_total: int
    by_impact: list = field(default_factory=list)  # [(impact, count)], most severe first
    by_rule: list = field(default_factory=list)  # [{"rule_id", "help", "help_url", ...}]
    by_language: list = field(default_factory=list)  # [{"language", "pages", "violations"}]
    pages_in_error: list = field(default_factory=list)  # PageResult rows
    page_rows: list = field(default_factory=list)  # [{"result", "violations"}]
    # The checks beyond axe: findings a person must judge (never failing), and checks that raised.
    needs_review: list = field(default_factory=list)  # Violation rows of kind needs-review
    check_errors: list = field(default_factory=list)  # [(PageResult, {"check", "error"})]


def summarise(run, filters=None):
    """The report's figures for `run`, narrowed by `filters`."""
    filters = filters or ReportFilters()
    results = filters.apply_to_results(run.page_results.all())
    violations = filters.apply_to_violations(Violation.objects.filter(page_result__run=run))
    per_result = dict(
        violations.values_list("page_result")
        .annotate(n=Count("pk"))
        .values_list("page_result", "n")
    )
    audited = results.exclude(status=PageResult.Status.ERROR)
    shown = [
        result
        for result in audited.order_by("locale", "url", "viewport", "variant")
        if per_result.get(result.pk) or not (filters.impact or filters.rule)
    ]
    return RunSummary(
        run=run,
        pages_audited=audited.count(),
        pages_with_violations=len(per_result),
        violations_total=violations.count(),
        by_impact=_by_impact(violations),
        by_rule=_by_rule(violations),
        by_language=_by_language(results, violations),
        pages_in_error=list(results.filter(status=PageResult.Status.ERROR).order_by("url")),
        page_rows=_one_row_per_page(shown, per_result),
        needs_review=list(
            filters.apply_to_violations(Violation.needs_review.filter(page_result__run=run))
            .select_related("page_result")
            .order_by("rule_id", "page_result__url", "pk")
        ),
        check_errors=[
            (result, error)
            for result in results.exclude(check_errors=[]).order_by("url", "viewport")
            for error in result.check_errors
        ],
    )


def _one_row_per_page(results, per_result):
    """One row per address, its viewports and variants inside it, in the order given."""
    rows = {}
    for result in results:
        row = rows.get((result.locale, result.url))
        if row is None:
            row = rows[(result.locale, result.url)] = {
                "url": result.url,
                "path": result.path,
                "locale": result.locale,
                "language": language_name(result.locale),
                "page_type": page_type_label(result.page_type),
                "views": [],
                "violations": 0,
            }
        count = per_result.get(result.pk, 0)
        row["views"].append({"result": result, "violations": count})
        row["violations"] += count
    return list(rows.values())


def language_name(code):
    from accessibility.models.statement import language_names

    return language_names([code])[0] if code else "—"


def _by_impact(violations):
    counts = dict(
        violations.values_list("impact").annotate(n=Count("pk")).values_list("impact", "n")
    )
    return [
        (impact, impact_label(impact), counts.get(impact, 0)) for impact in reversed(IMPACT_ORDER)
    ]


def _by_rule(violations):
    rows = (
        violations.values("rule_id")
        .annotate(count=Count("pk"), pages=Count("page_result", distinct=True))
        .order_by("-count", "rule_id")
    )
    details = {}
    for violation in violations.order_by("rule_id", "pk").distinct():
        details.setdefault(violation.rule_id, violation)
    return [
        {
            **row,
            "help": details[row["rule_id"]].help_text,
            "help_url": details[row["rule_id"]].help_url,
            "impact": details[row["rule_id"]].impact,
            "impact_label": impact_label(details[row["rule_id"]].impact),
        }
        for row in rows
    ]


def _by_language(results, violations):
    pages = dict(results.values_list("locale").annotate(n=Count("pk")).values_list("locale", "n"))
    counts = dict(
        violations.values_list("page_result__locale")
        .annotate(n=Count("pk"))
        .values_list("page_result__locale", "n")
    )
    return [
        {
            "language": language,
            "name": language_name(language),
            "pages": pages[language],
            "violations": counts.get(language, 0),
        }
        for language in sorted(pages)
    ]


def filter_choices(run):
    """What each filter may take for this run: the values present in it."""
    results = run.page_results.all() if run else PageResult.objects.none()
    violations = Violation.objects.filter(page_result__run=run) if run else Violation.objects.none()
    return {
        "language": sorted(set(results.values_list("locale", flat=True)) - {""}),
        "impact": list(reversed(IMPACT_ORDER)),
        "rule": sorted(set(violations.values_list("rule_id", flat=True))),
        "page_type": sorted(set(results.values_list("page_type", flat=True)) - {""}),
    }


@dataclass
class TrendPoint:
    run: AuditRun
    violations: int
    pages_with_violations: int
    pages_error: int


def trend(length=TREND_LENGTH):
    """The last finished site runs, oldest first."""
    runs = list(finished_site_runs()[:length])
    return [
        TrendPoint(run, run.violations_total, run.pages_with_violations, run.pages_error)
        for run in reversed(runs)
    ]


def trend_sentence(points):
    """The chart's text alternative: where the site started, where it is now."""
    if not points:
        return _("No site audit has finished yet.")
    if len(points) == 1:
        return _("One audit so far, with %(count)s violations.") % {"count": points[0].violations}
    first, last = points[0], points[-1]
    if last.violations < first.violations:
        direction = _("fell")
    elif last.violations > first.violations:
        direction = _("rose")
    else:
        direction = _("stayed")
    return _(
        "Over the last %(runs)s audits, violations %(direction)s from %(first)s to %(last)s."
    ) % {
        "runs": len(points),
        "direction": direction,
        "first": first.violations,
        "last": last.violations,
    }


@dataclass
class PageStatus:
    """A page's latest audit, across its languages, as the editor sees it."""

    state: str  # "not-audited", "clean", "violations", "error"
    violations: int = 0
    run: AuditRun | None = None
    results: list = field(default_factory=list)

    @property
    def label(self):
        if self.state == "not-audited":
            return _("Not audited yet")
        if self.state == "clean":
            return _("Clean: no accessibility violations")
        if self.state == "error":
            return _("The last audit could not be completed")
        return _("%(count)s accessibility violations") % {"count": self.violations}


def page_status(page):
    """The status of `page` in all its languages: each language's newest audit, together."""
    translation_ids = list(page.get_translations(inclusive=True).values_list("pk", flat=True))
    newest_run_of = {}
    newest = PageResult.objects.filter(page_id__in=translation_ids).order_by(
        "-run__started_at", "-run_id"
    )
    for page_id, run_id in newest.values_list("page_id", "run_id"):
        newest_run_of.setdefault(page_id, run_id)
    if not newest_run_of:
        return PageStatus("not-audited")
    of_each_language = Q()
    for page_id, run_id in newest_run_of.items():
        of_each_language |= Q(page_id=page_id, run_id=run_id)
    results = list(
        PageResult.objects.filter(of_each_language)
        # Through the relation, not the manager: needs-review findings are no violations.
        .annotate(
            violation_count=Count("violations", filter=Q(violations__kind=FindingKind.VIOLATION))
        )
        .select_related("run")
        .order_by("locale", "viewport", "variant")
    )
    violations = sum(result.violation_count for result in results)
    # A check beyond axe that could not run leaves the page unjudged, like an unaudited page.
    if any(r.status == PageResult.Status.ERROR or r.check_errors for r in results):
        state = "error"
    else:
        state = "violations" if violations else "clean"
    latest_run = max((result.run for result in results), key=lambda run: (run.started_at, run.pk))
    return PageStatus(state, violations, latest_run, results)


def result_review_findings(result):
    return Violation.needs_review.filter(page_result=result).order_by("rule_id", "pk")


def result_violations(result, filters=None):
    violations = result.violations.all()
    if filters:
        violations = filters.apply_to_violations(violations)
    return violations.order_by("rule_id", "pk")
