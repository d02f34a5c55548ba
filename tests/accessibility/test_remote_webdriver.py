"""`--remote-url`: the audit drives a remote WebDriver (here ChromeDriver serving on 127.0.0.1);
an unreachable one, like a missing Chromium, is one clear error before any page."""

import subprocess
import urllib.request

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from accessibility.models import AuditRun
from accessibility.server import free_loopback_port

from .fixture_site import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def remote_webdriver():
    port = free_loopback_port()
    process = subprocess.Popen(
        [settings.CHROMEDRIVER_BINARY, f"--port={port}", "--allowed-ips=127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"

    def answers():
        try:
            with urllib.request.urlopen(url + "/status", timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        assert wait_for(answers, seconds=20), "ChromeDriver did not start"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_audit_through_a_remote_webdriver(fixture_site, remote_webdriver, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "audit_accessibility",
            base_url=fixture_site.base_url,
            remote_url=remote_webdriver,
            no_crawl=True,
            url=["/broken.html", "/clean.html"],
            viewports="320x640",
            output=str(tmp_path),
            formats="json",
            baseline=str(tmp_path / "baseline.json"),
        )
    assert exit_info.value.code == 1
    run = AuditRun.objects.get()
    assert run.settings["remote_url"] == remote_webdriver
    assert (run.pages_ok, run.pages_with_violations, run.pages_error) == (1, 1, 0)
    rules = set(
        run.page_results.get(url__endswith="broken.html").violations.values_list(
            "rule_id", flat=True
        )
    )
    assert {"image-alt", "button-name", "html-has-lang"} <= rules


@pytest.mark.parametrize(
    ("remote", "chromium", "message"),
    [
        ("unreachable", None, "No browser from the remote WebDriver http://127.0.0.1:"),
        (None, "/nonexistent/chromium", "/nonexistent/chromium is missing"),
    ],
)
def test_no_browser_is_one_clear_error_before_any_page(
    fixture_site, tmp_path, settings, capsys, remote, chromium, message
):
    """An unreachable Grid or a missing Chromium: one message, exit 2, no run, no page."""
    if chromium:
        settings.CHROMIUM_BINARY = chromium
    remote_url = f"http://127.0.0.1:{free_loopback_port()}" if remote else None
    with pytest.raises(CommandError, match=message) as failure:
        call_command(
            "audit_accessibility",
            base_url=fixture_site.base_url,
            remote_url=remote_url,
            viewports="1280x800",
            output=str(tmp_path),
            baseline=str(tmp_path / "baseline.json"),
        )
    assert failure.value.returncode == 2
    assert "\n" not in str(failure.value)
    assert not AuditRun.objects.exists()
    assert fixture_site.browser_requests == []
    assert "[1/" not in capsys.readouterr().out  # Not one line per page.
