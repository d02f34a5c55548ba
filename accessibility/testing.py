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

The pytest fixture `axe_check` (registered by `accessibility.pytest_plugin`) is the same function.
"""

from .axe import format_violations, run_axe
from .browser import quit_browser, start_chromium
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
