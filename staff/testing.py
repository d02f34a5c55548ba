"""Test helpers: a signed-in test client whose session has passed the second factor.

Tests that are not about two-factor sign-in use `verify_session` (the suite's conftest does it
for every `Client.force_login`); tests of two-factor sign-in sign in with `client.login()`, which
leaves the session at the password stage as a real sign-in does.
"""

import django_otp
from django_otp.plugins.otp_static.models import StaticDevice

TEST_DEVICE_NAME = "test suite verification"


def verified_test_device(user):
    """A confirmed recovery-code device the test session is marked as verified with."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=TEST_DEVICE_NAME, defaults={"confirmed": True}
    )
    return device


def verify_session(client, user):
    """Mark the session of `client` (signed in as `user`) as verified by a second factor."""
    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = verified_test_device(user).persistent_id
    session.save()


def set_up_two_factor_in_browser(driver):
    """On the set-up screen a required user lands on after the password, do what the person does:
    read the key shown as text, type the code their authenticator app would show, send it.
    Does nothing on any other page."""
    from base64 import b32decode

    from django_otp.oath import totp
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    if "/two-factor/setup/" not in driver.current_url:
        return
    secret = driver.find_element(By.CSS_SELECTOR, ".staff-secret code").text.replace(" ", "")
    code = f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}"
    field = driver.find_element(By.ID, "id_code")
    field.send_keys(code, Keys.ENTER)
    WebDriverWait(driver, 10).until(staleness_of(field))
