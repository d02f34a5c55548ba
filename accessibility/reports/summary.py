"""The data every report shows, gathered once from the database."""

from collections import defaultdict
from dataclasses import dataclass, field

from ..engine import failing_violations
from ..models import PageResult, Violation
from ..models.audit import IMPACT_ORDER


@dataclass
class RuleGroup:
    rule_id: str
    impact: str
    help: str
    help_url: str
    violations: list = field(default_factory=list)

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
        .prefetch_related("violations")
        .order_by("locale", "url", "viewport", "variant")
    )
    failing_ids = set(failing_violations(run).values_list("pk", flat=True))
    rules = {}
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
            group = rules.setdefault(
                violation.rule_id,
                RuleGroup(violation.rule_id, violation.impact, violation.help, violation.help_url),
            )
            group.violations.append(violation)
            if _rank(violation.impact) > _rank(group.impact):
                group.impact = violation.impact
    by_rule = sorted(rules.values(), key=lambda g: (-_rank(g.impact), g.rule_id))
    return RunSummary(
        run=run,
        page_results=page_results,
        failing_ids=failing_ids,
        by_rule=by_rule,
        by_language=sorted(languages.values(), key=lambda g: g.locale),
        expired_entries=_expired_entries(run, page_results),
    )


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
        "help": violation.help,
        "help_url": violation.help_url,
        "target": violation.target,
        "html": violation.html,
        "failure_summary": violation.failure_summary,
        "fingerprint": violation.fingerprint,
        "accepted_by_baseline": violation.accepted,
        "fails_run": violation.pk in failing_ids,
    }
