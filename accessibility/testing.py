"""pytest helpers: assert that a URL or the page a driver shows has no axe-core violations.

They use the same configuration as `manage.py audit_accessibility` (the settings entry
`ACCESSIBILITY_AUDIT`, read by `accessibility.config`)::

    from accessibility.testing import assert_no_axe_violations

    def test_news_index(demo_server, browser):
        assert_no_axe_violations(f"{demo_server.base_url}/en/news/", driver=browser)
        # or, on the page the browser already shows (after clicks, form posts...):
        assert_no_axe_violations(browser)

The pytest fixture `axe_check` (registered by `accessibility.pytest_plugin`) is the same function.
"""

from .axe import format_violations, run_axe
from .browser import quit_browser, start_chromium


def axe_violations(url_or_driver, *, driver=None, tags=None, include_best_practice=False):
    """axe's violations of a URL (loaded in `driver` or a fresh browser) or of a driver's page."""
    if not isinstance(url_or_driver, str):
        return run_axe(url_or_driver, tags=tags, include_best_practice=include_best_practice)[
            "violations"
        ]
    own_driver = driver is None
    driver = driver or start_chromium()
    try:
        driver.get(url_or_driver)
        return run_axe(driver, tags=tags, include_best_practice=include_best_practice)["violations"]
    finally:
        if own_driver:
            quit_browser(driver)


def assert_no_axe_violations(url_or_driver, *, driver=None, tags=None, include_best_practice=False):
    """Fail with each violation's rule, impact, selector and HTML if axe finds any."""
    violations = axe_violations(
        url_or_driver, driver=driver, tags=tags, include_best_practice=include_best_practice
    )
    if violations:
        where = url_or_driver if isinstance(url_or_driver, str) else url_or_driver.current_url
        raise AssertionError(
            f"axe-core found {len(violations)} violated rule(s) on {where}:\n"
            + format_violations(violations)
        )
