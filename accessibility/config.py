"""The one axe-core configuration: audit command, pytest helpers and the editors' checker."""

from django.conf import settings

DEFAULT_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")


def audit_settings():
    configured = getattr(settings, "ACCESSIBILITY_AUDIT", {})
    return {
        "tags": list(configured.get("tags", DEFAULT_TAGS)),
        # Rules switched off must each carry a reason; none are switched off today.
        "disabled_rules": dict(configured.get("disabled_rules", {})),
    }


def axe_options(tags=None, include_best_practice=False):
    """axe.run() options for the configured tags (plus best practices when asked)."""
    config = audit_settings()
    run_tags = list(tags or config["tags"])
    if include_best_practice and "best-practice" not in run_tags:
        run_tags.append("best-practice")
    options = {
        "runOnly": {"type": "tag", "values": run_tags},
        "resultTypes": ["violations"],
    }
    if config["disabled_rules"]:
        options["rules"] = {rule: {"enabled": False} for rule in config["disabled_rules"]}
    return options
