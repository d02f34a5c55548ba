"""The sign-in lockout page, as an editor's browser meets it: accessible, within the policy."""

from urllib.parse import urljoin

import pytest
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.axe import format_violations, run_axe
from tests.frontend.csp import READ_VIOLATIONS

pytestmark = pytest.mark.browser

# Its own username, so that the demo's `admin` is never locked out for the other browser tests.
USERNAME = "locked-out-visitor"


def submit_sign_in(driver, base_url, password):
    driver.get(urljoin(base_url, "/admin/login/"))
    driver.find_element("id", "id_username").send_keys(USERNAME)
    driver.find_element("id", "id_password").send_keys(password)
    button = driver.find_element("css selector", "form.login-form button[type=submit]")
    button.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(button))


def test_the_lockout_page_has_no_axe_violation_and_breaks_no_enforced_policy(
    demo_server, violation_recorder, settings
):
    driver = violation_recorder
    try:
        for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
            submit_sign_in(driver, demo_server.base_url, f"wrong-{attempt}")
        heading = driver.find_element("tag name", "h1").text
        assert heading == "Too many failed sign-in attempts"
        violations = driver.execute_async_script(READ_VIOLATIONS)
        assert violations is not None
        assert not [v for v in violations if v["disposition"] == "enforce"], violations
        results = run_axe(driver)
        assert not results["violations"], format_violations(results["violations"])
    finally:
        driver.delete_all_cookies()
