"""The one axe-core configuration: audit command, pytest helpers and the editors' checker.

Everything lives in the settings entry `ACCESSIBILITY_AUDIT` (a dict); each key is optional:

- `tags`: axe tags to run (default WCAG 2.0, 2.1 and 2.2 A and AA);
- `disabled_rules`: {rule id: reason}; none today, and every one must carry its reason;
- `include_best_practice`: also run axe's best-practice rules (default False);
- `viewports`: ["1280x800", "320x640"]; `variants`: preference variants (default ["default"]);
- `workers` (1), `timeout` seconds per page (30), `fail_impact` (the lowest impact that fails a
  run: "minor", i.e. every violation), `baseline` (path of the baseline JSON file),
  `output_dir` (where reports go), `formats` (json, junit, html, markdown);
- `site`: dotted path of the site's `accessibility.site.AuditSite` subclass (its preference
  variants and the views that are not pages; default: the 404 page only);
- `server_settings`: the settings module of the loopback server `audit_accessibility` starts
  (default: this process's `DJANGO_SETTINGS_MODULE`);
- `checks`: the checks beyond axe run on every page view: "all" (default), "none", or a list of
  ids of `accessibility.checks.registry.CHECKS`.

The app reads nothing else of the site: `BASE_DIR` and `VAR_DIR` (where the baseline and the
reports go by default) are optional, as are the browser settings of `accessibility.browser`.
"""

import os
from pathlib import Path

from django.conf import settings

DEFAULT_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
DEFAULT_VIEWPORTS = ("1280x800", "320x640")
REPORT_FORMATS = ("json", "junit", "html", "markdown")


def project_dir():
    """Where the site's `manage.py` is: Django's `BASE_DIR`, else the working folder."""
    return Path(getattr(settings, "BASE_DIR", Path.cwd()))


def runtime_dir():
    """The site's folder for runtime files (`VAR_DIR`), else `var/` in the project folder."""
    return Path(getattr(settings, "VAR_DIR", project_dir() / "var"))


def chromium_binary():
    return getattr(settings, "CHROMIUM_BINARY", "/usr/bin/chromium")


def chromedriver_binary():
    return getattr(settings, "CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")


def axe_script_setting():
    """The axe-core script injected into pages (`AXE_SCRIPT_PATH`; default: npm's copy)."""
    default = project_dir() / "node_modules" / "axe-core" / "axe.min.js"
    return Path(getattr(settings, "AXE_SCRIPT_PATH", default))


def audit_settings():
    configured = getattr(settings, "ACCESSIBILITY_AUDIT", {})
    base_dir = project_dir()
    var_dir = runtime_dir()
    return {
        "tags": list(configured.get("tags", DEFAULT_TAGS)),
        # Rules switched off must each carry a reason; none are switched off today.
        "disabled_rules": dict(configured.get("disabled_rules", {})),
        "include_best_practice": bool(configured.get("include_best_practice", False)),
        "viewports": list(configured.get("viewports", DEFAULT_VIEWPORTS)),
        "variants": list(configured.get("variants", ["default"])),
        "workers": int(configured.get("workers", 1)),
        "timeout": float(configured.get("timeout", 30)),
        "fail_impact": configured.get("fail_impact", "minor"),
        "baseline": str(configured.get("baseline", base_dir / "audit-baseline.json")),
        "output_dir": str(configured.get("output_dir", var_dir / "audit-reports")),
        "formats": list(configured.get("formats", REPORT_FORMATS)),
        "site": configured.get("site", "accessibility.site.AuditSite"),
        "server_settings": configured.get(
            "server_settings", os.environ.get("DJANGO_SETTINGS_MODULE", "")
        ),
        "checks": configured.get("checks", "all"),
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
