"""The two-step verification screens in Chromium: axe-clean, usable with the keyboard alone, and
usable without JavaScript."""

from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait
from wagtail.users.models import UserProfile

from accessibility.browser import quit_browser, start_chromium
from accessibility.testing import assert_no_axe_violations
from tests.staff.conftest import PASSWORD, after_the_wait, current_code, next_time_window

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_without_javascript():
    driver = start_chromium(javascript=False)
    yield driver
    quit_browser(driver)


def press_and_wait(driver, element, *keys):
    """Type into (or press a key on) `element` and wait for the page it leads to."""
    element.send_keys(*keys)
    WebDriverWait(driver, 10).until(staleness_of(element))


def sign_in_with_keyboard(driver, base_url, username):
    driver.delete_all_cookies()
    driver.get(f"{base_url}/admin/login/?next=/admin/pages/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    press_and_wait(driver, driver.find_element(By.ID, "id_password"), PASSWORD, Keys.ENTER)


def type_code(driver, field_id, code):
    field = driver.find_element(By.ID, field_id)
    field.clear()
    press_and_wait(driver, field, code, Keys.ENTER)


def code_from_shown_secret(driver):
    """What a person's authenticator app shows after they typed the key displayed as text."""
    secret = driver.find_element(By.CSS_SELECTOR, ".staff-secret code").text.replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def test_setting_up_and_verifying_with_the_keyboard_is_accessible(
    transactional_db, django_db_serialized_rollback, live_server, browser
):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "az"  # the screens in the site's default language
    profile.save()
    sign_in_with_keyboard(browser, live_server.url, "chief")
    assert "/admin/two-factor/setup/" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "az"
    assert_no_axe_violations(browser)

    type_code(browser, "id_code", "12")
    assert browser.find_element(By.CSS_SELECTOR, "[role=alert] a[href='#id_code']")
    assert_no_axe_violations(browser, expected_status=400)

    type_code(browser, "id_code", code_from_shown_secret(browser))
    codes = [
        item.text for item in browser.find_elements(By.CSS_SELECTOR, ".staff-recovery-codes code")
    ]
    assert len(codes) == 10
    assert_no_axe_violations(browser)
    press_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button"), Keys.ENTER)
    assert browser.current_url.endswith("/admin/pages/")

    # A later sign-in: the verify screen, a wrong code, then a recovery code.
    next_time_window(TOTPDevice.objects.get(user=user))
    sign_in_with_keyboard(browser, live_server.url, "chief")
    assert "/admin/two-factor/verify/" in browser.current_url
    assert_no_axe_violations(browser)
    type_code(browser, "id_code", "000000")
    assert browser.find_element(By.ID, "id_code").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(browser, expected_status=400)
    recovery_link = browser.find_element(By.CSS_SELECTOR, "a[href*='/admin/two-factor/recover/']")
    press_and_wait(browser, recovery_link, Keys.ENTER)
    assert "/admin/two-factor/recover/" in browser.current_url
    assert_no_axe_violations(browser)
    after_the_wait(user)
    type_code(browser, "id_recovery_code", codes[0])
    assert browser.current_url.endswith("/admin/pages/")


def test_a_code_is_entered_without_javascript(
    transactional_db, django_db_serialized_rollback, live_server, browser_without_javascript
):
    from staff import devices

    user = get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    device = devices.pending_authenticator(user)
    devices.confirm_authenticator(user, device, current_code(device))
    next_time_window(device)
    driver = browser_without_javascript
    sign_in_with_keyboard(driver, live_server.url, "chief")
    assert "/admin/two-factor/verify/" in driver.current_url
    type_code(driver, "id_code", current_code(device))
    assert driver.current_url.endswith("/admin/pages/")
