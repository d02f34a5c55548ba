"""`manage.py audit_accessibility`: audit the site with axe-core, store and report the results.

Without `--base-url` the site is served from this database on a free loopback port and every live,
public page of every locale is audited, plus the 404 page and the site's other views (its
`AuditSite`, `accessibility/site.py`: search results, a preferences page...). With `--base-url`
a deployed site is audited from its sitemap.xml; `--no-crawl` with only absolute `--url`s audits
just those, without serving anything. Exit codes: 0 clean, 1 violations
at or above `--fail-on` not accepted by the baseline, 2 a page could not be audited (or a check
beyond axe raised on it), a usage error
(found before any page is loaded), no browser could start, or the run was interrupted (SIGTERM,
SIGINT: the run is marked "interrupted", its browsers closed, the reports written).
"""

import datetime
import importlib.util
import os
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accessibility.baseline import DEFAULT_VALIDITY_DAYS, Baseline, BaselineError, updated_baseline
from accessibility.browser import BrowserUnavailable
from accessibility.checks.registry import CHECKS, parse_checks
from accessibility.config import REPORT_FORMATS, audit_settings
from accessibility.engine import (
    AuditInterrupted,
    AuditOptions,
    exit_code,
    failing_violations,
    pages_with_check_errors,
    run_audit,
)
from accessibility.interruption import stop_signals_raise_interrupted
from accessibility.models import AuditRun, Violation
from accessibility.models.audit import IMPACT_ORDER
from accessibility.reports import write_reports
from accessibility.server import ServerDidNotStart, SiteServer
from accessibility.targets import (
    TargetError,
    check_page_types,
    language_codes,
    page_targets,
    parse_variant,
    parse_viewport,
    sitemap_targets,
    url_targets,
    view_targets,
)

USAGE_ERROR = 2
INTERRUPTED = 2  # Like an error: an unfinished run is never a pass.


def comma_list(text):
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def checks_text(value):
    return value if isinstance(value, str) else ",".join(value) or "none"


def usage_error(message):
    return CommandError(" ".join(str(message).split()), returncode=USAGE_ERROR)


class Command(BaseCommand):
    help = "Audit the site's pages with axe-core in headless Chromium and write reports."

    def add_arguments(self, parser):
        config = audit_settings()
        where = parser.add_argument_group("what to audit")
        where.add_argument("--base-url", help="Audit this running site from its sitemap.xml.")
        where.add_argument(
            "--locales", help="Comma-separated language codes (default: all); also --url's."
        )
        where.add_argument(
            "--page-types", help="Comma-separated page models, e.g. blog.BlogPage (default: all)."
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
        how.add_argument(
            "--tags", help="Comma-separated axe-core tags (default: WCAG 2.x A and AA)."
        )
        how.add_argument("--include-best-practice", action="store_true")
        how.add_argument(
            "--checks",
            default=checks_text(config["checks"]),
            help=f"Checks beyond axe on every page view: all, none, or a comma-separated list of "
            f"{', '.join(CHECKS)} (default: %(default)s).",
        )
        how.add_argument("--workers", type=int, default=config["workers"])
        how.add_argument(
            "--timeout", type=float, default=config["timeout"], help="Seconds per page."
        )
        how.add_argument("--remote-url", help="A Selenium Grid or remote WebDriver URL.")
        how.add_argument(
            "--server-settings",
            default=config["server_settings"],
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
        self.run = None
        with stop_signals_raise_interrupted():
            try:
                self.audit_and_report(options)
            except AuditInterrupted as stop:
                self.report_interruption(stop, options)
                sys.exit(INTERRUPTED)

    def audit_and_report(self, options):
        # Every option is checked, and the targets gathered, before any page is loaded.
        try:
            audit_options = self.audit_options(options)
            formats = self.formats(options["formats"])
            self.check_output(options["output"])
            self.check_report_language(options["report_language"])
            expires = self.baseline_expiry(options)
            targets = self.targets(options)
            own_server = self.needs_own_server(options, targets)
            if own_server:
                self.check_server_settings(options["server_settings"])
        except (TargetError, BaselineError, ValueError) as error:
            raise usage_error(error) from error
        try:
            if own_server:
                run = self.audit_served_site(options, targets, audit_options)
            else:
                base_url = options["base_url"] or origin_of(targets[0].url)
                run = self.audit(targets, replace(audit_options, base_url=base_url.rstrip("/")))
        except BrowserUnavailable as error:
            raise usage_error(error) from error
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
            parts = urlsplit(value or "")
            if value and (parts.scheme not in ("http", "https") or not parts.netloc):
                flag = "--" + name.replace("_", "-")
                raise ValueError(f"{flag} must be an http:// or https:// URL, not {value!r}.")
        viewports = [parse_viewport(text) for text in comma_list(options["viewports"])]
        variants = [parse_variant(name) for name in comma_list(options["variants"])]
        if not viewports or not variants:
            raise ValueError("Give at least one viewport and one variant.")
        return AuditOptions(
            # Set by audit_and_report(): --base-url, the loopback server, or the URLs' origin.
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
            checks=parse_checks(options["checks"]),
        )

    def formats(self, text):
        formats = comma_list(text)
        unknown = set(formats) - set(REPORT_FORMATS)
        if unknown or not formats:
            raise ValueError(
                f"Unknown report format(s) {', '.join(sorted(unknown)) or '(none given)'}; "
                f"choose from {', '.join(REPORT_FORMATS)}."
            )
        return formats

    def check_output(self, output):
        path = Path(output)
        if path.exists() and not path.is_dir():
            raise ValueError(f"--output {output} is a file; give a folder for the reports.")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ValueError(f"--output {output}: cannot create the folder ({error}).") from error
        if not os.access(path, os.W_OK):
            raise ValueError(f"--output {output}: the folder is not writable.")

    def check_report_language(self, language):
        codes = [code for code, _name in settings.LANGUAGES]
        if language not in codes:
            raise ValueError(
                f"Unknown --report-language {language!r}; choose from {', '.join(codes)}."
            )

    def check_server_settings(self, module):
        try:
            found = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            found = None
        if found is None:
            raise ValueError(f"--server-settings {module!r} is not an importable settings module.")

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

    def targets(self, options):
        """Every target, or a TargetError naming the option at fault."""
        requested_locales = comma_list(options["locales"])
        locales = language_codes(requested_locales) if requested_locales else None
        page_types = comma_list(options["page_types"]) or None
        if page_types:
            if options["no_crawl"] or options["base_url"]:
                raise TargetError(
                    "--page-types chooses pages of this site's page tree; it cannot be used "
                    "with --no-crawl or --base-url (a sitemap does not say a page's type)."
                )
            check_page_types(page_types)
        extra = url_targets(options["url"])
        if locales:  # --locales applies to --url too; an address without a language stays.
            kept = [target for target in extra if not target.locale or target.locale in locales]
            if options["url"] and not kept:
                raise TargetError(
                    f"None of the --url addresses is in --locales {','.join(locales)}."
                )
            extra = kept
        if options["no_crawl"]:
            if not extra:
                raise TargetError("--no-crawl needs at least one --url.")
            return extra
        if options["base_url"]:
            crawled = sitemap_targets(options["base_url"], locales=locales)
        else:
            crawled = page_targets(locales, page_types) + view_targets(locales)
        targets = crawled + extra
        if not targets:
            raise TargetError("Nothing to audit: no page matched.")
        return targets

    def needs_own_server(self, options, targets):
        """Serve this site only when some target is a path with no --base-url to put it under."""
        if options["base_url"]:
            return False
        return not options["no_crawl"] or any(not urlsplit(t.url).scheme for t in targets)

    def audit_served_site(self, options, targets, audit_options):
        env = {"DJANGO_SETTINGS_MODULE": options["server_settings"]}
        for name in ("DATABASE_URL", "VAR_DIR"):
            if name in os.environ:
                env[name] = os.environ[name]
        try:
            with SiteServer(env=env) as server:
                return self.audit(targets, replace(audit_options, base_url=server.base_url))
        except ServerDidNotStart as error:
            raise usage_error(error) from error

    def audit(self, targets, audit_options):
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
            if result.content_type:
                line += f": {result.content_type}, not HTML"
            if result.error_message:
                line += f": {result.error_message}"
            self.stdout.write(line)

        def started(run):
            self.run = run

        return run_audit(
            targets,
            options=audit_options,
            trigger=AuditRun.Trigger.COMMAND,
            on_result=progress,
            on_start=started,
        )

    def report_interruption(self, stop, options):
        """One line, the reports of what was audited; never a traceback."""
        if self.run is None:
            self.stderr.write(f"Interrupted by {stop.signal_name} before any page was audited.")
            return
        run = AuditRun.objects.get(pk=self.run.pk)
        where = ""
        try:
            written = write_reports(
                run,
                options["output"],
                self.formats(options["formats"]),
                language=options["report_language"],
            )
            where = f"; reports in {Path(next(iter(written.values()))).parent}"
        except Exception as error:  # noqa: BLE001 - the one line says it
            where = f"; the reports could not be written ({error})"
        self.stderr.write(
            f"Interrupted by {stop.signal_name}: audit #{run.pk} marked {run.status} after "
            f"{run.pages_done} of {run.pages_total} page views{where}."
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
            f"Audit #{run.pk} {run.status}: {run.pages_audited} audited ({run.pages_ok} clean, "
            f"{run.pages_with_violations} with violations), {run.pages_error} not audited, "
            f"{run.pages_skipped} skipped (not HTML); {run.violations_total} violation(s), "
            f"{failing} failing."
        )
        checks = run.settings.get("checks", [])
        if checks:
            review = Violation.needs_review.filter(page_result__run=run).count()
            errors = pages_with_check_errors(run)
            self.stdout.write(
                f"Checks beyond axe ({', '.join(checks)}): {review} finding(s) to review by "
                f"hand (never failing), {len(errors)} page view(s) where a check could not run."
            )
            for result in errors:
                for error in result.check_errors:
                    self.stdout.write(
                        f"  - {error['check']} on {result.url} ({result.viewport}, "
                        f"{result.variant}): {error['error']}"
                    )
        expired = run.settings.get("baseline_expired", [])
        if expired:
            self.stdout.write(
                f"{len(expired)} baseline entr{'y has' if len(expired) == 1 else 'ies have'} "
                "expired and no longer accept their violation:"
            )
            for entry in expired:
                self.stdout.write(
                    f"  - {entry['rule'] or '?'} at {entry['target'] or '?'} on "
                    f"{entry['page'] or '?'}, expired {entry['expires']}: {entry['reason']}"
                )
        for report_format, path in written.items():
            self.stdout.write(f"  {report_format}: {path}")


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
