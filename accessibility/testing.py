"""pytest helpers: assert that a URL or the page a driver shows has no axe-core violations.

They use the same configuration as `manage.py audit_accessibility` (the settings entry
`ACCESSIBILITY_AUDIT`, read by `accessibility.config`), audit frames the same way (every
`<iframe>`, nested and cross-origin, with the frame's selector path in each target), and, given a
URL, fail on a page that did not answer with the expected status (a 2xx by default), so that a
404 page can never pass for the page a test meant to check. Given a driver, the page is the
test's own doing (a form answered 400 with its errors is a page to check): its status is checked
only when `expected_status` is given::

    from accessibility.testing import assert_no_axe_violations

    def test_blog_index(live_server, browser):
        assert_no_axe_violations(f"{live_server.url}/en/blog/", driver=browser)
        # or, on the page the browser already shows (after clicks, form posts...):
        assert_no_axe_violations(browser)
        # an error page on purpose:
        assert_no_axe_violations(f"{live_server.url}/en/nope/", driver=browser,
                                 expected_status=404)

The checks beyond axe (keyboard walk, reflow, text spacing...) have the same helpers: given a URL
or a driver, `check_findings` returns what they found and `assert_no_check_violations` fails on
any violation or any check that could not run (needs-review findings never fail)::

    from accessibility.testing import assert_no_check_violations

    assert_no_check_violations(f"{demo_server.base_url}/en/", driver=browser, checks="keyboard")

The pytest fixtures `axe_check` and `checks_check` (registered by `accessibility.pytest_plugin`)
are `assert_no_axe_violations` and `assert_no_check_violations`.
"""

from urllib.parse import urlsplit

from .axe import format_violations, run_axe
from .browser import quit_browser, start_chromium
from .checks.findings import VIOLATION
from .checks.registry import ALL, parse_checks
from .checks.runner import context_for, run_checks
from .config import audit_settings
from .workers import NAVIGATION_STATUS_SCRIPT


def axe_violations(
    url_or_driver, *, driver=None, tags=None, include_best_practice=False, expected_status=None
):
    """axe's violations of a URL (loaded in `driver` or a fresh browser) or of a driver's page.

    Raises AssertionError if the page's HTTP status is not `expected_status` (for a URL: any 2xx
    if None; for a driver's page: checked only when given).
    """
    if not isinstance(url_or_driver, str):
        if expected_status:
            check_status(url_or_driver, expected_status)
        return run_axe(url_or_driver, tags=tags, include_best_practice=include_best_practice)[
            "violations"
        ]
    own_driver = driver is None
    driver = driver or start_chromium()
    try:
        driver.get(url_or_driver)
        check_status(driver, expected_status)
        return run_axe(driver, tags=tags, include_best_practice=include_best_practice)["violations"]
    finally:
        if own_driver:
            quit_browser(driver)


def check_status(driver, expected_status=None):
    """Fail unless the driver's page answered `expected_status` (any 2xx if None)."""
    status = driver.execute_script(NAVIGATION_STATUS_SCRIPT)
    if status is None:
        return  # Not loaded over HTTP (about:blank, a data: URL): nothing to check.
    wrong = status != expected_status if expected_status else not 200 <= status < 300
    if wrong:
        expected = expected_status or "2xx"
        raise AssertionError(
            f"{driver.current_url} answered HTTP {status}, not {expected}: this is not the page "
            "the test meant to check (pass expected_status= to audit an error page on purpose)."
        )


def assert_no_axe_violations(
    url_or_driver, *, driver=None, tags=None, include_best_practice=False, expected_status=None
):
    """Fail with each violation's rule, impact, selector and HTML if axe finds any."""
    violations = axe_violations(
        url_or_driver,
        driver=driver,
        tags=tags,
        include_best_practice=include_best_practice,
        expected_status=expected_status,
    )
    if violations:
        where = url_or_driver if isinstance(url_or_driver, str) else url_or_driver.current_url
        raise AssertionError(
            f"axe-core found {len(violations)} violated rule(s) on {where}:\n"
            + format_violations(violations)
        )


def check_findings(url_or_driver, *, driver=None, checks=ALL, expected_status=None):
    """What the chosen checks beyond axe find on a URL (loaded in `driver` or a fresh browser)
    or on a driver's page: a `checks.runner.CheckResults` (findings, and checks that raised).

    `checks` is "all", a comma list or a list of ids; statuses are checked as for axe.
    """
    check_ids = parse_checks(checks)
    if not isinstance(url_or_driver, str):
        if expected_status:
            check_status(url_or_driver, expected_status)
        return _run_checks(url_or_driver, check_ids)
    own_driver = driver is None
    driver = driver or start_chromium()
    try:
        driver.get(url_or_driver)
        check_status(driver, expected_status)
        return _run_checks(driver, check_ids)
    finally:
        if own_driver:
            quit_browser(driver)


def _run_checks(driver, check_ids):
    parts = urlsplit(driver.current_url)
    width, height = driver.execute_script("return [innerWidth, innerHeight];")
    context = context_for(
        driver,
        driver.current_url,
        f"{parts.scheme}://{parts.netloc}",
        f"{width}x{height}",
        audit_settings()["timeout"],
    )
    return run_checks(driver, context, check_ids)


def format_findings(findings):
    lines = []
    for check_id, finding in findings:
        lines.append(
            f"{finding.rule_id} ({finding.impact}, WCAG {finding.criterion}, {check_id}, "
            f"{finding.kind}): {finding.help}"
        )
        lines.append(f"    {finding.target}: {finding.html[:160]}")
        if finding.failure_summary:
            lines.append(f"    {finding.failure_summary}")
    return "\n".join(lines)


def assert_no_check_violations(url_or_driver, *, driver=None, checks=ALL, expected_status=None):
    """Fail with each violation's rule, criterion, selector and HTML, or each check that raised.

    Needs-review findings never fail; they are listed in the message of a failure.
    """
    results = check_findings(
        url_or_driver, driver=driver, checks=checks, expected_status=expected_status
    )
    violations = [(c, f) for c, f in results.findings if f.kind == VIOLATION]
    if violations or results.errors:
        where = url_or_driver if isinstance(url_or_driver, str) else url_or_driver.current_url
        errors = "".join(
            f"\ncheck {error['check']} could not run: {error['error']}" for error in results.errors
        )
        review = [(c, f) for c, f in results.findings if f.kind != VIOLATION]
        raise AssertionError(
            f"the checks beyond axe found {len(violations)} violation(s) on {where}:\n"
            + format_findings(violations)
            + errors
            + (f"\nand {len(review)} to review:\n" + format_findings(review) if review else "")
        )
