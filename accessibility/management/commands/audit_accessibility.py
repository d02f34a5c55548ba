"""`manage.py audit_accessibility`: audit the site with axe-core, store and report the results.

Without `--base-url` the site is served from this database on a free loopback port and every live,
public page of every locale is audited, plus search results, the preferences page and the 404
page. With `--base-url` a deployed site is audited from its sitemap.xml. Exit codes: 0 clean,
1 violations at or above `--fail-on` not accepted by the baseline, 2 a page could not be audited.
"""

import datetime
import os
import sys
from dataclasses import replace
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from accessibility.baseline import DEFAULT_VALIDITY_DAYS, Baseline, BaselineError, updated_baseline
from accessibility.config import REPORT_FORMATS, audit_settings
from accessibility.engine import AuditOptions, exit_code, failing_violations, run_audit
from accessibility.models import AuditRun, Violation
from accessibility.models.audit import IMPACT_ORDER
from accessibility.reports import write_reports
from accessibility.server import ServerDidNotStart, SiteServer
from accessibility.targets import (
    TargetError,
    page_targets,
    parse_variant,
    parse_viewport,
    sitemap_targets,
    url_targets,
    view_targets,
)

USAGE_ERROR = 2


def comma_list(text):
    return [item.strip() for item in (text or "").split(",") if item.strip()]


class Command(BaseCommand):
    help = "Audit the site's pages with axe-core in headless Chromium and write reports."

    def add_arguments(self, parser):
        config = audit_settings()
        where = parser.add_argument_group("what to audit")
        where.add_argument("--base-url", help="Audit this running site from its sitemap.xml.")
        where.add_argument("--locales", help="Comma-separated language codes (default: all).")
        where.add_argument(
            "--page-types", help="Comma-separated page models, e.g. news.NewsPage (default: all)."
        )
        where.add_argument(
            "--url", action="append", default=[], help="An extra URL or path (repeatable)."
        )
        where.add_argument(
            "--no-crawl", action="store_true", help="Audit only the --url addresses."
        )
        how = parser.add_argument_group("how to audit")
        how.add_argument(
            "--viewports",
            default=",".join(config["viewports"]),
            help="Comma-separated WIDTHxHEIGHT (default: %(default)s).",
        )
        how.add_argument(
            "--variants",
            default=",".join(config["variants"]),
            help="Preference variants: default, theme-contrast, text-200, ... ('+' combines).",
        )
        how.add_argument("--tags", help="Comma-separated axe tags (default: WCAG 2.x A and AA).")
        how.add_argument("--include-best-practice", action="store_true")
        how.add_argument("--workers", type=int, default=config["workers"])
        how.add_argument(
            "--timeout", type=float, default=config["timeout"], help="Seconds per page."
        )
        how.add_argument("--remote-url", help="A Selenium Grid or remote WebDriver URL.")
        how.add_argument(
            "--server-settings",
            default="config.settings.test",
            help="Settings module of the loopback server (DEBUG off; default: %(default)s).",
        )
        out = parser.add_argument_group("results")
        out.add_argument("--output", default=config["output_dir"], help="Report folder.")
        out.add_argument(
            "--formats", default=",".join(config["formats"]), help="json,junit,html,markdown"
        )
        out.add_argument("--report-language", default="en")
        out.add_argument("--fail-on", default=config["fail_impact"], choices=IMPACT_ORDER)
        out.add_argument("--baseline", default=config["baseline"], help="Baseline JSON file.")
        out.add_argument("--update-baseline", action="store_true")
        out.add_argument("--baseline-reason", help="Why the newly accepted violations are ok.")
        out.add_argument(
            "--baseline-expires",
            help=f"Expiry of new baseline entries, YYYY-MM-DD (default: in "
            f"{DEFAULT_VALIDITY_DAYS} days).",
        )

    def handle(self, *args, **options):
        try:
            audit_options = self.audit_options(options)
            formats = self.formats(options["formats"])
            expires = self.baseline_expiry(options)
        except (TargetError, BaselineError, ValueError) as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from error
        if options["base_url"]:
            run = self.audit(self.targets(options, options["base_url"]), audit_options)
        else:
            run = self.audit_served_site(options, audit_options)
        written = write_reports(
            run, options["output"], formats, language=options["report_language"]
        )
        if options["update_baseline"]:
            self.update_baseline(run, audit_options.baseline, options, expires)
        self.print_summary(run, written)
        code = exit_code(run)
        if code:
            sys.exit(code)

    def audit_options(self, options):
        if options["workers"] < 1 or options["workers"] > 16:
            raise ValueError("--workers must be between 1 and 16.")
        if not 0 < options["timeout"] <= 600:
            raise ValueError("--timeout must be between 0 and 600 seconds.")
        for name in ("base_url", "remote_url"):
            value = options[name]
            if value and urlsplit(value).scheme not in ("http", "https"):
                flag = "--" + name.replace("_", "-")
                raise ValueError(f"{flag} must be an http:// or https:// URL, not {value!r}.")
        viewports = [parse_viewport(text) for text in comma_list(options["viewports"])]
        variants = [parse_variant(name) for name in comma_list(options["variants"])]
        if not viewports or not variants:
            raise ValueError("Give at least one viewport and one variant.")
        return AuditOptions(
            # Without --base-url, audit_served_site() points it at its own loopback server.
            base_url=options["base_url"] or "",
            viewports=viewports,
            variants=variants,
            tags=comma_list(options["tags"]) or None,
            include_best_practice=options["include_best_practice"],
            workers=options["workers"],
            timeout=options["timeout"],
            fail_impact=options["fail_on"],
            baseline=Baseline.load(options["baseline"]),
            remote_url=options["remote_url"],
        )

    def formats(self, text):
        formats = comma_list(text)
        unknown = set(formats) - set(REPORT_FORMATS)
        if unknown:
            raise ValueError(
                f"Unknown report format(s) {', '.join(sorted(unknown))}; "
                f"choose from {', '.join(REPORT_FORMATS)}."
            )
        return formats

    def baseline_expiry(self, options):
        if options["update_baseline"] and not (options["baseline_reason"] or "").strip():
            raise ValueError(
                "--update-baseline needs --baseline-reason: say why the violations it accepts "
                "are acceptable for now."
            )
        if not options["baseline_expires"]:
            return datetime.date.today() + datetime.timedelta(days=DEFAULT_VALIDITY_DAYS)
        try:
            expires = datetime.date.fromisoformat(options["baseline_expires"])
        except ValueError as error:
            raise ValueError("--baseline-expires must be a date like 2027-03-31.") from error
        if expires < datetime.date.today():
            raise ValueError("--baseline-expires must not be in the past.")
        return expires

    def targets(self, options, base_url=None):
        locales = comma_list(options["locales"]) or None
        targets = url_targets(options["url"])
        if options["no_crawl"]:
            if not targets:
                raise CommandError("--no-crawl needs at least one --url.", returncode=USAGE_ERROR)
            return targets
        try:
            if base_url:
                crawled = sitemap_targets(base_url, locales=locales)
            else:
                crawled = page_targets(locales, comma_list(options["page_types"]) or None)
                crawled += view_targets(locales)
        except TargetError as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from error
        return crawled + targets

    def audit_served_site(self, options, audit_options):
        targets = self.targets(options)
        env = {"DJANGO_SETTINGS_MODULE": options["server_settings"]}
        for name in ("DATABASE_URL", "VAR_DIR"):
            if name in os.environ:
                env[name] = os.environ[name]
        try:
            with SiteServer(env=env) as server:
                return self.audit(targets, replace(audit_options, base_url=server.base_url))
        except ServerDidNotStart as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from error

    def audit(self, targets, audit_options):
        if not targets:
            raise CommandError("Nothing to audit: no page matched.", returncode=USAGE_ERROR)
        jobs = len(targets) * len(audit_options.viewports) * len(audit_options.variants)
        self.stdout.write(
            f"Auditing {jobs} page views ({len(targets)} URLs) on {audit_options.base_url} "
            f"with {audit_options.workers} worker(s)."
        )
        done = []

        def progress(result):
            done.append(result)
            line = f"[{len(done)}/{jobs}] {result.status:<10} {result.url} ({result.viewport}, "
            line += f"{result.variant}) {result.duration_seconds:.1f} s"
            if result.error_message:
                line += f": {result.error_message}"
            self.stdout.write(line)

        return run_audit(
            targets, options=audit_options, trigger=AuditRun.Trigger.COMMAND, on_result=progress
        )

    def update_baseline(self, run, previous, options, expires):
        violations = Violation.objects.filter(page_result__run=run).select_related("page_result")
        baseline = updated_baseline(
            previous, violations, reason=options["baseline_reason"], expires=expires
        )
        baseline.save(options["baseline"])
        self.stdout.write(
            f"Baseline {options['baseline']}: {len(baseline.entries)} accepted violation(s)."
        )

    def print_summary(self, run, written):
        failing = failing_violations(run).count()
        self.stdout.write(
            f"Audit #{run.pk} {run.status}: {run.pages_ok} clean, {run.pages_with_violations} "
            f"with violations, {run.pages_error} not audited; {run.violations_total} "
            f"violation(s), {failing} failing."
        )
        for report_format, path in written.items():
            self.stdout.write(f"  {report_format}: {path}")
