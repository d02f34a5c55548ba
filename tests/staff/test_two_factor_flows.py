"""Setting up, verifying, recovering and turning off two-step verification, as people do it."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from staff import devices
from tests.staff.conftest import (
    after_the_wait,
    current_code,
    enrol,
    next_time_window,
    password_only_client,
)

pytestmark = pytest.mark.django_db

SETUP_URL = reverse("staff_two_factor:setup")
VERIFY_URL = reverse("staff_two_factor:verify")
RECOVER_URL = reverse("staff_two_factor:recover")
OVERVIEW_URL = reverse("staff_two_factor:overview")


def shown_codes(response):
    return re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())


def test_set_up_shows_a_qr_code_and_the_key_as_text_then_turns_on(superuser):
    client = password_only_client(superuser)
    page = client.get(SETUP_URL + "?next=/admin/pages/")
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    assert 'src="data:image/png;base64,' in html
    assert 'alt="QR code holding the secret key shown below as text"' in html
    assert devices.readable_secret(device) in html
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert '<label for="id_code">' in html

    done = client.post(SETUP_URL, {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = shown_codes(done)
    assert len(codes) == devices.RECOVERY_CODE_COUNT
    assert 'href="/admin/pages/"' in done.content.decode()
    assert client.get("/admin/pages/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_or_malformed_code_is_explained_in_an_error_summary(superuser):
    client = password_only_client(superuser)
    client.get(SETUP_URL)
    for code, message in (
        ("", "Enter the six-digit code from your authenticator app."),
        ("12ab56", "The code is six digits, for example 123456. Type only the digits."),
        ("000000", "This code is not right. Type the newest code your authenticator app shows."),
    ):
        response = client.post(SETUP_URL, {"code": code})
        html = response.content.decode()
        assert response.status_code == 400
        assert 'role="alert"' in html and '<a href="#id_code">' + message in html
        assert 'aria-invalid="true"' in html
        assert 'aria-describedby="id_code-hint id_code-error"' in html
    assert client.get("/admin/").status_code == 302


def test_verify_accepts_the_current_code_once_and_refuses_replays(officer):
    device, _codes = enrol(officer)
    code = current_code(device)
    first = password_only_client(officer)
    assert first.post(VERIFY_URL, {"code": code}).status_code == 302
    assert first.get("/admin/").status_code == 200

    # The same code seen over someone's shoulder does not open a second session.
    second = password_only_client(officer)
    refused = second.post(VERIFY_URL, {"code": code})
    assert refused.status_code == 400
    assert second.get("/admin/").status_code == 302


def test_wrong_codes_slow_down_guessing(officer):
    device, _codes = enrol(officer)
    client = password_only_client(officer)
    assert client.post(VERIFY_URL, {"code": "000000"}).status_code == 400
    throttled = client.post(VERIFY_URL, {"code": current_code(device)})
    assert throttled.status_code == 400
    assert "Too many wrong codes" in throttled.content.decode()
    # Once the wait is over the right code works.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=5)
    )
    assert client.post(VERIFY_URL, {"code": current_code(device)}).status_code == 302


def test_verify_only_returns_to_pages_of_this_site(officer):
    device, _codes = enrol(officer)
    client = password_only_client(officer)
    response = client.post(
        VERIFY_URL, {"code": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_each_recovery_code_works_once(officer):
    _device, codes = enrol(officer)
    first = password_only_client(officer)
    used = first.post(RECOVER_URL, {"recovery_code": codes[0].upper(), "next": "/admin/pages/"})
    assert used.status_code == 302 and used["Location"] == "/admin/pages/"
    assert first.get("/admin/pages/").status_code == 200

    again = password_only_client(officer)
    refused = again.post(RECOVER_URL, {"recovery_code": codes[0]})
    assert refused.status_code == 400
    assert "already used" in refused.content.decode()
    assert again.get("/admin/").status_code == 302
    assert devices.remaining_recovery_codes(officer) == devices.RECOVERY_CODE_COUNT - 1

    after_the_wait(officer)
    other = password_only_client(officer)
    assert other.post(RECOVER_URL, {"recovery_code": codes[1]}).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(officer):
    device, old_codes = enrol(officer)
    client = password_only_client(officer)
    client.post(VERIFY_URL, {"code": current_code(device)})
    new_codes = shown_codes(client.post(reverse("staff_two_factor:recovery_codes")))
    assert len(new_codes) == devices.RECOVERY_CODE_COUNT
    assert not set(new_codes) & set(old_codes)
    stranger = password_only_client(officer)
    assert stranger.post(RECOVER_URL, {"recovery_code": old_codes[1]}).status_code == 400
    after_the_wait(officer)
    assert stranger.post(RECOVER_URL, {"recovery_code": new_codes[1]}).status_code == 302


def test_a_plain_editor_can_turn_it_on_and_is_then_asked_for_it(editor):
    client = password_only_client(editor)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert OVERVIEW_URL in account and "Two-step verification" in account
    assert "Two-step verification is off" in client.get(OVERVIEW_URL).content.decode()
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=editor)
    assert client.post(SETUP_URL, {"code": current_code(device)}).status_code == 200
    assert "Two-step verification is on" in client.get(OVERVIEW_URL).content.decode()

    later = password_only_client(editor)
    response = later.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY_URL)


def test_a_plain_editor_can_turn_it_off_with_a_code_but_an_officer_cannot(editor, officer):
    device, _codes = enrol(editor)
    client = password_only_client(editor)
    client.post(VERIFY_URL, {"code": current_code(device)})
    next_time_window(device)
    assert client.post(reverse("staff_two_factor:disable"), {"code": "000000"}).status_code == 400
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    response = client.post(reverse("staff_two_factor:disable"), {"code": current_code(device)})
    assert response.status_code == 302
    assert not devices.confirmed_authenticator(editor)
    assert password_only_client(editor).get("/admin/").status_code == 200

    officer_device, _codes = enrol(officer)
    officer_client = password_only_client(officer)
    officer_client.post(VERIFY_URL, {"code": current_code(officer_device)})
    next_time_window(officer_device)
    officer_client.post(reverse("staff_two_factor:disable"), {"code": current_code(officer_device)})
    assert devices.confirmed_authenticator(officer) is not None
    page = officer_client.get(OVERVIEW_URL).content.decode()
    assert "cannot be turned off" in page and reverse("staff_two_factor:disable") not in page


@pytest.mark.parametrize(
    "language, heading, label",
    [
        ("az", "İki addımlı təsdiq", "Autentifikator tətbiqindəki altırəqəmli kod"),
        ("ru", "Двухэтапная проверка", "Шестизначный код из приложения-аутентификатора"),
        ("en", "Two-step verification", "Six-digit code from your authenticator app"),
    ],
)
def test_the_screens_speak_the_users_admin_language(officer, language, heading, label):
    enrol(officer)
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    html = password_only_client(officer).get(VERIFY_URL).content.decode()
    assert f'<html lang="{language}"' in html
    assert heading in html and label in html


def test_an_administrator_can_reset_a_lost_authenticator_from_the_command_line(officer):
    enrol(officer)
    output = io.StringIO()
    call_command("reset_two_factor", "officer", stdout=output)
    assert "their next sign-in asks them to set it up again" in output.getvalue()
    response = password_only_client(officer).get("/admin/")
    assert response["Location"].startswith(SETUP_URL)
    with pytest.raises(CommandError, match="There is no user 'nobody'"):
        call_command("reset_two_factor", "nobody")
