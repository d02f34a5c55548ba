"""The complaint page in Chromium, with and without JavaScript, in az, en and ru: empty, with
errors and thanked, each audited by axe-core; the complaint is really sent with JavaScript off.

axe-core itself is JavaScript, so a browser whose JavaScript is switched off in its settings
cannot run it. The "JavaScript off" audits therefore use the other browser with the page's own
scripts switched off through the DevTools protocol (what the page does is exactly what a
visitor without JavaScript gets, while the test can still inject axe); the complaint is also
sent from the browser with JavaScript switched off in its settings, as a visitor would.
"""

import contextlib
from urllib.parse import urljoin

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.testing import assert_no_axe_violations
from tests.frontend.browsing import set_viewport, use_preferences

pytestmark = pytest.mark.browser

PATHS = {"az": "/az/sikayet/", "en": "/en/complaint/", "ru": "/ru/zhaloba/"}
THANKS_TITLES = {"az": "nömrəli şikayət qəbul edildi", "en": "received", "ru": "получена"}


@contextlib.contextmanager
def page_scripts(driver, enabled):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not enabled})
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.fixture
def drivers(demo_server, browser, browser_without_javascript):
    for driver in (browser, browser_without_javascript):
        use_preferences(driver, demo_server.base_url)
        set_viewport(driver, 1280)
    return {"JavaScript on": browser, "JavaScript off": browser}


def audit(driver):
    """axe-core on the page as it was loaded; page scripts (if they were off) stay unrun, but
    axe's own timers need script execution back on."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert_no_axe_violations(driver)


def click(driver, element):
    # Out of view, a click misses; and with focus inside the page, scrolling is smooth (the site's
    # CSS), so the scroll must be instant for the click to land.
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def each_case(drivers):
    for language, path in PATHS.items():
        for mode, driver in drivers.items():
            with page_scripts(driver, enabled=mode == "JavaScript on"):
                yield language, path, mode, driver


def open_page(driver, base_url, path):
    driver.get(urljoin(base_url, path))
    assert driver.find_element(By.TAG_NAME, "h1").text


def submit(driver, url_part):
    click(driver, driver.find_element(By.CSS_SELECTOR, ".complaint-form button[type=submit]"))
    WebDriverWait(driver, 10).until(expected_conditions.url_contains(url_part))


def test_the_empty_form_and_the_status_check_have_no_axe_violations(demo_server, drivers):
    for language, path, _mode, driver in each_case(drivers):
        open_page(driver, demo_server.base_url, path)
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        audit(driver)
    for path in PATHS.values():
        open_page(drivers["JavaScript on"], demo_server.base_url, path + "check/")
        assert_no_axe_violations(drivers["JavaScript on"])


def test_the_form_with_errors_focuses_its_summary_and_has_no_axe_violations(demo_server, drivers):
    for _language, path, mode, driver in each_case(drivers):
        open_page(driver, demo_server.base_url, path)
        driver.find_element(By.ID, "id_name").send_keys("Leyla")
        click(driver, driver.find_element(By.CSS_SELECTOR, ".complaint-form button[type=submit]"))
        summary = WebDriverWait(driver, 10).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".error-summary"))
        )
        assert driver.switch_to.active_element == summary, f"{mode}: summary not focused"
        assert driver.find_element(By.ID, "id_name").get_attribute("value") == "Leyla"
        audit(driver)


def fill_in(driver, attachment):
    values = {
        "id_name": "Leyla Məmmədova",
        "id_email": "leyla@example.org",
        "id_phone": "+994 50 123 45 67",
        "id_postal_address": "Bakı, Nizami küçəsi 1",
        "id_authority": "District housing department",
        "id_what_happened": "My pension has not been paid since March.",
        "id_when_happened": "March 2026",
        "id_outcome_sought": "Payment of the pension.",
    }
    for element_id, value in values.items():
        driver.find_element(By.ID, element_id).send_keys(value)
    click(driver, driver.find_element(By.CSS_SELECTOR, "label[for='id_court_involvement_0']"))
    click(driver, driver.find_element(By.CSS_SELECTOR, "label[for='id_consent']"))
    if attachment:
        driver.find_element(By.ID, "id_attachments").send_keys(str(attachment))


def send_complaint(driver, base_url, path, attachment=None):
    open_page(driver, base_url, path)
    fill_in(driver, attachment)
    submit(driver, "/thanks/")
    return driver.find_element(By.CSS_SELECTOR, ".complaint-reference").text


def test_a_complaint_is_sent_and_thanked_with_javascript(demo_server, drivers):
    driver = drivers["JavaScript on"]
    for language, path in PATHS.items():
        reference = send_complaint(driver, demo_server.base_url, path)
        assert reference and reference[4] == "-", f"{language}: no reference shown"
        assert reference in driver.title and THANKS_TITLES[language] in driver.title
        assert_no_axe_violations(driver)


def test_a_complaint_is_sent_with_javascript_off_and_its_thanks_pass_axe(
    demo_server, drivers, browser_without_javascript, tmp_path
):
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    driver = browser_without_javascript
    for language, path in PATHS.items():
        reference = send_complaint(driver, demo_server.base_url, path, attachment=evidence)
        assert reference and reference[4] == "-", f"{language}: no reference shown"
        assert reference in driver.title and THANKS_TITLES[language] in driver.title
        # The same thank-you page, audited with the page's scripts off.
        with page_scripts(drivers["JavaScript off"], enabled=False) as auditing:
            auditing.get(driver.current_url)
            assert auditing.find_element(By.CSS_SELECTOR, ".complaint-reference").text == reference
            audit(auditing)
