"""The accessibility statement passes the audit's own axe rules in az, en and ru, wide and narrow,
both before any audit and when it lists the problems of a stored audit."""

import subprocess
import sys

import pytest
from django.conf import settings

from accessibility.axe import format_violations, run_axe

pytestmark = pytest.mark.browser

STATEMENT_PATHS = {"az": "/az/elcatanliq/", "en": "/en/accessibility/", "ru": "/ru/dostupnost/"}

# Stores a finished site audit with one violation in the demo server's database (and removes it
# again), so that the statement shows its figures and problem list while it is audited.
STORED_RUN = """
from accessibility.models import AuditRun, PageResult, Violation
run = AuditRun.objects.create(trigger="command", status="failed", axe_version="4.10.2",
                              settings={"viewports": ["1280x800"], "tags": ["wcag22aa"]})
result = PageResult.objects.create(run=run, url="/en/", locale="en", viewport="1280x800",
                                   status="violations")
Violation.objects.create(page_result=result, rule_id="color-contrast", impact="serious",
    help="Elements must meet minimum color contrast ratio thresholds",
    help_url="https://dequeuniversity.com/rules/axe/4.10/color-contrast", target="#x",
    fingerprint="browser-test")
run.refresh_counts()
"""
REMOVE_RUN = (
    "from accessibility.models import AuditRun; "
    "AuditRun.objects.filter(page_results__violations__fingerprint='browser-test').delete()"
)


def manage_shell(server, code):
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=server.env,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
    )


def audit(browser, url, width):
    browser.set_window_size(width, 800)
    browser.get(url)
    return run_axe(browser)["violations"]


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_statement_has_no_axe_violations(demo_server, browser, language):
    url = demo_server.base_url + STATEMENT_PATHS[language]
    for width in (1280, 320):
        violations = audit(browser, url, width)
        assert violations == [], format_violations(violations)
    manage_shell(demo_server, STORED_RUN)
    try:
        for width in (1280, 320):
            violations = audit(browser, url, width)
            assert violations == [], format_violations(violations)
        assert "color-contrast" in browser.page_source
    finally:
        manage_shell(demo_server, REMOVE_RUN)
        browser.set_window_size(1280, 800)
