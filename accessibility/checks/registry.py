"""The checks beyond axe the audit can run: their ids, where their code is, the rules they report.

Adding a check is one line in `CHECKS`: `Check("id", "module:function")`. The function follows the
contract in `findings.py`; its module lists the rule ids it may report in `RULES` (rule id ->
WCAG criterion), unless the line gives them (`rules={"rule-id": "1.2.3"}`), and may define
`start_run()`, called when a run starts (to empty a run-wide memo). A finding with a rule
id its check did not declare is recorded as an error of that check, never stored as a result.
"""

import importlib
from dataclasses import dataclass, field

ALL = "all"
NONE = "none"


@dataclass(frozen=True)
class Check:
    id: str
    function_path: str  # "package.module:function", imported on first use.
    rules: dict = field(default_factory=dict)  # Rule id -> criterion; empty: the module's RULES.

    @property
    def function(self):
        module_name, function_name = self.function_path.split(":")
        return getattr(importlib.import_module(module_name), function_name)

    @property
    def rule_criteria(self):
        if self.rules:
            return dict(self.rules)
        module = importlib.import_module(self.function_path.split(":")[0])
        return dict(module.RULES)


CHECKS = {
    check.id: check
    for check in (
        Check("keyboard", "accessibility.checks.keyboard:check_keyboard"),
        Check("reflow", "accessibility.checks.reflow:check_reflow"),
        Check("text-spacing", "accessibility.checks.text_spacing:check_text_spacing"),
        Check("language-of-parts", "accessibility.checks.language:check_language_of_parts"),
        Check("input-purpose", "accessibility.checks.input_purpose:check_input_purpose"),
        Check("documents", "accessibility.checks.documents:check_documents"),
    )
}


class UnknownChecks(ValueError):
    """Check names that are not in the registry; the message lists the valid ones."""


def parse_checks(value):
    """The check ids a `--checks` value (or the setting) chooses, in registry order.

    `value` is "all", "none", a comma list ("keyboard,reflow"), or a list of ids.
    """
    if isinstance(value, str):
        names = [name.strip() for name in value.split(",") if name.strip()]
    else:
        names = [str(name).strip() for name in value or []]
    if names == [ALL]:
        return list(CHECKS)
    if names == [NONE] or not names and not isinstance(value, str):
        return []
    unknown = [name for name in names if name not in CHECKS]
    if unknown or not names or ALL in names or NONE in names:
        shown = ", ".join(unknown) if unknown else repr(value)
        raise UnknownChecks(
            f"Unknown check(s) {shown}: give 'all', 'none' or a comma-separated list of "
            f"{', '.join(CHECKS)}."
        )
    return [check_id for check_id in CHECKS if check_id in names]


def selected(check_ids):
    return [CHECKS[check_id] for check_id in check_ids]


def start_run(check_ids):
    """Tell each chosen check a run starts: a check keeping a run-wide memo (its module's
    optional `start_run()`) empties it, so that no run reuses what an earlier one fetched."""
    for check in selected(check_ids):
        module = importlib.import_module(check.function_path.split(":")[0])
        if callable(getattr(module, "start_run", None)):
            module.start_run()
