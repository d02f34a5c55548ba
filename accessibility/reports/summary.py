"""The data every report shows, gathered once from the database."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..engine import failing_violations
from ..models import PageResult, Violation
from ..models.audit import IMPACT_ORDER


@dataclass
class RuleGroup:
    rule_id: str
    impact: str
    help: str  # In the active language.
    help_url: str
    violations: list = field(default_factory=list)
    criterion: str = ""  # A check beyond axe's WCAG success criterion, e.g. "2.4.7".

    @property
    def pages(self):
        return sorted({v.page_result.url for v in self.violations})


@dataclass
class LanguageGroup:
    locale: str
    pages: int = 0
    pages_error: int = 0
    violations: int = 0
    failing: int = 0


@dataclass
class ExpiredEntry:
    """A baseline entry past its expiry date: it no longer accepts its violation."""

    rule: str
    page: str
    target: str
    reason: str
    expires: str
    fingerprint: str
    found_in_run: bool  # Its violation is still there, and so fails the run.


@dataclass
class RunSummary:
    run: object
    page_results: list
    failing_ids: set
    by_rule: list
    by_language: list
    expired_entries: list = field(default_factory=list)
    # Findings of the checks beyond axe that a person must judge: never failing, listed apart.
    review_by_rule: list = field(default_factory=list)

    @property
    def review_count(self):
        return sum(len(group.violations) for group in self.review_by_rule)

    @property
    def check_errors(self):
        """(page result, {"check", "error"}) for each check that raised on a page."""
        return [(r, error) for r in self.page_results for error in r.check_errors or []]

    @property
    def checks(self):
        return (self.run.settings or {}).get("checks", [])

    @property
    def failing_count(self):
        return len(self.failing_ids)

    @property
    def audited_count(self):
        """Page views axe audited: not those in error, nor the skipped non-HTML addresses."""
        return sum(result.status in AUDITED for result in self.page_results)

    @property
    def skipped(self):
        return [r for r in self.page_results if r.status == PageResult.Status.SKIPPED]

    @property
    def failed_cases(self):
        """Page views with at least one failing violation (JUnit's failed test cases)."""
        return sum(
            any(v.pk in self.failing_ids for v in result.violations.all())
            for result in self.page_results
        )

    @property
    def accepted_count(self):
        return sum(v.accepted for result in self.page_results for v in result.violations.all())

    @property
    def errors(self):
        return [result for result in self.page_results if result.status == "error"]

    def is_failing(self, violation):
        return violation.pk in self.failing_ids


AUDITED = (PageResult.Status.OK, PageResult.Status.VIOLATIONS)


def summarize(run):
    """Page results (with their violations), failing violation ids, groups by rule and language."""
    page_results = list(
        PageResult.objects.filter(run=run)
        .prefetch_related(
            "violations",
            Prefetch(
                "violations", queryset=Violation.needs_review.all(), to_attr="review_findings"
            ),
        )
        .order_by("locale", "url", "viewport", "variant")
    )
    failing_ids = set(failing_violations(run).values_list("pk", flat=True))
    rules, review_rules = {}, {}
    languages = defaultdict(lambda: None)
    for result in page_results:
        language = languages[result.locale] or LanguageGroup(locale=result.locale or "-")
        languages[result.locale] = language
        language.pages += result.status in AUDITED
        language.pages_error += result.status == PageResult.Status.ERROR
        for violation in result.violations.all():
            violation.page_result = result
            language.violations += 1
            language.failing += violation.pk in failing_ids
            _add_to_group(rules, violation)
        for finding in result.review_findings:
            finding.page_result = result
            _add_to_group(review_rules, finding)
    by_rule = sorted(rules.values(), key=lambda g: (-_rank(g.impact), g.rule_id))
    return RunSummary(
        run=run,
        page_results=page_results,
        failing_ids=failing_ids,
        by_rule=by_rule,
        by_language=sorted(languages.values(), key=lambda g: g.locale),
        expired_entries=_expired_entries(run, page_results),
        review_by_rule=sorted(review_rules.values(), key=lambda g: (-_rank(g.impact), g.rule_id)),
    )


def _add_to_group(groups, violation):
    group = groups.setdefault(
        violation.rule_id,
        RuleGroup(
            violation.rule_id,
            violation.impact,
            violation.help_text,
            violation.help_url,
            criterion=violation.criterion,
        ),
    )
    group.violations.append(violation)
    if _rank(violation.impact) > _rank(group.impact):
        group.impact = violation.impact


def _expired_entries(run, page_results):
    found = {v.fingerprint for result in page_results for v in result.violations.all()}
    return [
        ExpiredEntry(
            rule=entry.get("rule", ""),
            page=entry.get("page", ""),
            target=entry.get("target", ""),
            reason=entry.get("reason", ""),
            expires=entry.get("expires", ""),
            fingerprint=entry.get("fingerprint", ""),
            found_in_run=entry.get("fingerprint") in found,
        )
        for entry in (run.settings or {}).get("baseline_expired", [])
    ]


def _rank(impact):
    return IMPACT_ORDER.index(impact) if impact in IMPACT_ORDER else -1


def violation_json(violation: Violation, failing_ids):
    return {
        "rule": violation.rule_id,
        "impact": violation.impact,
        "tags": violation.tags,
        "help": violation.help_text,
        "help_url": violation.help_url,
        "check": violation.check_id,
        "criterion": violation.criterion,
        "kind": violation.kind,
        "target": violation.target,
        "html": violation.html,
        "failure_summary": violation.failure_summary,
        "fingerprint": violation.fingerprint,
        "accepted_by_baseline": violation.accepted,
        "fails_run": violation.kind == "violation" and violation.pk in failing_ids,
    }
