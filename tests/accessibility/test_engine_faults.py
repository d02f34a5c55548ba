"""Fault paths: pages that never load, fail with a 500 or kill the browser become errors (exit 2).

The run goes on after each of them, and what was recorded before is kept. Each costs its time
once: an HTTP error is recorded with its status and never retried, a hanging page costs one
timeout; only a crashed browser is retried, once, in a fresh browser. A run stopped by SIGTERM
or SIGINT is marked interrupted, leaves no browser behind and still writes its reports.
"""

import json
import os
import signal
from pathlib import Path

import pytest
from django.core.management import call_command

from accessibility.browser import start_chromium
from accessibility.engine import exit_code, run_audit
from accessibility.models import AuditRun, PageResult
from accessibility.targets import url_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def child_pids(parent_pid):
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The parent pid is the second field after the parenthesised command name.
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent_pid:
            children.append(int(entry.name))
    return children


class RecordingBrowserFactory:
    """Starts browsers as the engine would, and can kill the newest one's Chromium."""

    def __init__(self):
        self.drivers = []
        self.kills = 0

    def __call__(self, remote_url=None):
        driver = start_chromium(remote_url=remote_url)
        self.drivers.append(driver)
        return driver

    def kill_newest_browser(self):
        driver_pid = self.drivers[-1].service.process.pid
        for pid in child_pids(driver_pid):
            os.kill(pid, signal.SIGKILL)
        self.kills += 1


def test_a_killed_browser_is_retried_once_then_recorded_as_an_error(fixture_site, quick_options):
    factory = RecordingBrowserFactory()
    fixture_site.on_kill_request = factory.kill_newest_browser
    targets = url_targets(["/clean.html", "/kills-the-browser.html", "/broken.html"])

    run = run_audit(targets, options=quick_options(browser_factory=factory, timeout=8))

    results = {result.url.rsplit("/", 1)[1]: result for result in run.page_results.all()}
    assert results["clean.html"].status == PageResult.Status.OK
    assert results["broken.html"].status == PageResult.Status.VIOLATIONS
    killed = results["kills-the-browser.html"]
    assert killed.status == PageResult.Status.ERROR
    assert killed.attempts == 2
    assert "attempt 1:" in killed.error_message and "attempt 2:" in killed.error_message
    assert factory.kills == 2
    # A fresh browser after each failure: the first, one per retry, one for the next page.
    assert len(factory.drivers) == 3
    assert run.status == AuditRun.Status.ERROR
    assert exit_code(run) == 2


def test_command_records_slow_and_failing_pages_as_errors_and_exits_2(
    fixture_site, tmp_path, capsys
):
    fixture_site.sitemap_paths = [
        "/clean.html",
        "/never-finishes.html",
        "/server-error.html",
        "/broken.html",
    ]
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "audit_accessibility",
            base_url=fixture_site.base_url,
            viewports="1280x800",
            timeout=3,
            # The timeout is short to keep the hanging page quick; axe alone fits in it on a
            # busy machine, axe and every check beyond it (tested elsewhere) may not.
            checks="none",
            output=str(tmp_path),
            baseline=str(tmp_path / "no-baseline.json"),
        )
    assert exit_info.value.code == 2

    run = AuditRun.objects.get()
    assert run.status == AuditRun.Status.ERROR
    by_page = {result.url.rsplit("/", 1)[1]: result for result in run.page_results.all()}
    hanging = by_page["never-finishes.html"]
    assert hanging.status == PageResult.Status.ERROR
    assert "did not finish" in hanging.error_message
    # One timeout, not one per attempt: no retry in a fresh browser.
    assert hanging.attempts == 1
    assert 3 <= hanging.duration_seconds < 3 + 2
    assert fixture_site.browser_requests.count("/never-finishes.html") == 1
    server_error = by_page["server-error.html"]
    assert server_error.status == PageResult.Status.ERROR
    assert "HTTP status 500" in server_error.error_message
    assert (server_error.http_status, server_error.attempts) == (500, 1)
    # The status was known before rendering: asked once, never loaded in a browser.
    assert fixture_site.requests.count("/server-error.html") == 1
    assert "/server-error.html" not in fixture_site.browser_requests
    clean = by_page["clean.html"]
    assert clean.status == PageResult.Status.OK, (clean.error_message, clean.check_errors)
    assert by_page["clean.html"].http_status == 200
    # axe-core's ten.
    assert by_page["broken.html"].violations.filter(check_id="").count() == 10

    report = json.loads((tmp_path / "audit.json").read_text())
    assert report["run"]["counts"]["pages_error"] == 2
    assert "never-finishes.html" in capsys.readouterr().out


def test_results_are_stored_as_they_arrive(fixture_site, quick_options):
    """A run stopped half-way keeps every page result it had written, each in its own
    transaction (so even a run killed outright keeps them)."""
    seen_in_database = []

    def stop_after_first(page_result):
        seen_in_database.append(PageResult.objects.filter(run=page_result.run).count())
        raise KeyboardInterrupt

    targets = url_targets(["/clean.html", "/broken.html"])
    with pytest.raises(KeyboardInterrupt):
        run_audit(targets, options=quick_options(), on_result=stop_after_first)

    run = AuditRun.objects.get()
    assert seen_in_database == [1]
    # Unfinished is never a pass; what was recorded stays.
    assert run.status == AuditRun.Status.INTERRUPTED
    assert exit_code(run) == 2
    assert run.settings["interrupted"] == "KeyboardInterrupt"
    assert run.page_results.count() == 1
    assert run.pages_ok + run.pages_with_violations == 1
