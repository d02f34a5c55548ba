"""A cancelled CI job: SIGTERM or SIGINT mid-run marks the run interrupted, kills every browser
and driver it started, removes their profile folders, writes the reports and exits 2 with one
line. Tested on a real `manage.py audit_accessibility` process."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

from accessibility.browser import PROFILE_PREFIX, processes_naming
from accessibility.interruption import run_passing_on_stop_signals

from .fixture_site import wait_for


def database_for_a_child(tmp_path):
    """A database URL a child process can use, holding the migrated schema, and a function
    reading the status of its audit runs."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":  # The test database is in memory: copy it to a file.
        path = tmp_path / "child.sqlite3"
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)

        def statuses():
            with sqlite3.connect(path) as database:
                return [
                    row[0] for row in database.execute("SELECT status FROM accessibility_auditrun")
                ]

        return f"sqlite:///{path}", statuses
    from accessibility.models import AuditRun

    parts = urlsplit(os.environ["DATABASE_URL"])
    url = urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))
    return url, lambda: list(AuditRun.objects.values_list("status", flat=True))


def children_of(parent_pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent_pid:
                found.append(int(entry.name))
    return found


def is_running(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.fixture
def browser_tmp():
    """The child's TMPDIR: every profile folder of its browsers is made in here. A short path,
    as Chromium keeps sockets there."""
    path = Path(tempfile.mkdtemp(prefix="audit-signal-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.browser
# The child writes to the test database; serialized_rollback puts back what migrations created.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_mid_run_leaves_nothing_running_and_reports_what_was_done(
    fixture_site, tmp_path, browser_tmp, stop_signal
):
    database_url, run_statuses = database_for_a_child(tmp_path)
    reports = tmp_path / "reports"
    # Two pages that never finish: when the signal comes, both browsers are busy loading.
    fixture_site.sitemap_paths = ["/clean.html", "/never-finishes.html", "/never-finishes.html?2"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(tmp_path),
        "TMPDIR": str(browser_tmp),
    }
    command = [
        sys.executable,
        str(Path(settings.BASE_DIR) / "manage.py"),
        "audit_accessibility",
        f"--base-url={fixture_site.base_url}",
        "--viewports=1280x800",
        "--workers=2",
        "--timeout=60",
        f"--output={reports}",
        f"--baseline={tmp_path / 'no-baseline.json'}",
    ]
    stdout, stderr = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with open(stdout, "w") as out, open(stderr, "w") as err:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, cwd=settings.BASE_DIR)
    try:
        # Mid-run: one page recorded, while both browsers wait on pages that never end.
        assert wait_for(
            lambda: (
                process.poll() is not None
                or "/never-finishes.html" in fixture_site.browser_requests
                and "/never-finishes.html?2" in fixture_site.browser_requests
                and "[1/3]" in stdout.read_text()
            ),
            seconds=120,
        ), "the run did not get going"
        assert process.poll() is None, stdout.read_text() + stderr.read_text()
        drivers = [pid for pid in children_of(process.pid) if is_running(pid)]
        browsers = processes_naming(str(browser_tmp))
        assert len(drivers) == 2 and browsers  # Two ChromeDrivers, their Chromium processes.
        process.send_signal(stop_signal)
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()

    error_lines = [line for line in stderr.read_text().splitlines() if line.strip()]
    assert code == 2
    assert len(error_lines) == 1, error_lines
    assert error_lines[0].startswith(f"Interrupted by {stop_signal.name}: audit #")
    assert "Traceback" not in stdout.read_text()
    assert run_statuses() == ["interrupted"]
    document = json.loads((reports / "audit.json").read_text())
    assert document["run"]["status"] == "interrupted"
    assert [page["url"].rsplit("/", 1)[1] for page in document["pages"]] == ["clean.html"]
    for name in ("junit.xml", "report.html", "summary.md"):
        assert (reports / name).exists()
    # Nothing of the run's browsers is left: no process, no profile folder.
    assert not [pid for pid in drivers if is_running(pid)]
    assert wait_for(lambda: not processes_naming(str(browser_tmp)), seconds=5)
    assert not [p for p in browser_tmp.iterdir() if p.name.startswith(PROFILE_PREFIX)]


def test_make_audit_passes_a_stop_signal_on_to_the_audit_and_waits_for_it(tmp_path):
    """`make audit` runs the command in a child process: a SIGTERM to the parent must reach it
    (else the command, its server and browsers would outlive a cancelled job)."""
    ready = tmp_path / "ready"
    child = (
        "import pathlib, signal, sys, time\n"
        "signal.signal(signal.SIGTERM, lambda *_: sys.exit(7))\n"
        f"pathlib.Path({str(ready)!r}).touch()\n"
        "time.sleep(60)\n"
    )

    def stop_us_once_the_child_listens():
        if wait_for(ready.exists, seconds=30):
            os.kill(os.getpid(), signal.SIGTERM)

    handler_before = signal.getsignal(signal.SIGTERM)
    threading.Thread(target=stop_us_once_the_child_listens, daemon=True).start()
    assert run_passing_on_stop_signals([sys.executable, "-c", child]) == 7
    assert signal.getsignal(signal.SIGTERM) == handler_before
