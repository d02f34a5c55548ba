"""Admin sign-in throttling: wrong passwords lock the username for that address, then lift."""

import logging

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

LOGIN_URL = "/admin/login/"
PASSWORD = "correct horse battery staple"
WRONG_PASSWORD = "hunter2-wrong-guess"
LOCKOUT_HEADING = "Too many failed sign-in attempts"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password, username="editor", language="en", **extra):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
        **extra,
    )


def fail_until_locked(client, settings, **extra):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, WRONG_PASSWORD, **extra)
    return response


def signed_in(response):
    return response.status_code == 302 and response["Location"].startswith("/admin/")


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_right_password_after_too_many_wrong_ones_gets_the_lockout_page(
    client, editor, settings, language
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, WRONG_PASSWORD).status_code == 200  # the form, with its error
    assert sign_in(client, WRONG_PASSWORD).status_code == 429

    response = sign_in(client, PASSWORD, language=language)

    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "no-cache" in response["Cache-Control"]
    with translation.override(language):
        heading = gettext(LOCKOUT_HEADING)
    if language != "en":
        assert heading != LOCKOUT_HEADING, f"{LOCKOUT_HEADING!r} is not translated into {language}"
    content = response.content.decode()
    assert f"<h1>{heading}</h1>" in content
    assert f'lang="{language}"' in content
    assert "15" in content  # the cool-off, in minutes
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still not signed in


def test_the_lockout_lifts_after_the_cool_off(client, editor, settings):
    fail_until_locked(client, settings)
    assert sign_in(client, PASSWORD).status_code == 429

    # The cool-off passes: the failures now lie further back than it.
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= settings.AXES_COOLOFF_TIME
        attempt.save(update_fields=["attempt_time"])

    assert signed_in(sign_in(client, PASSWORD))


def test_attempts_during_the_lockout_do_not_extend_it(client, editor, settings):
    fail_until_locked(client, settings)
    locked_at = AccessAttempt.objects.get().attempt_time
    for _ in range(3):
        assert sign_in(client, WRONG_PASSWORD).status_code == 429
    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_a_successful_sign_in_forgets_earlier_failures(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, WRONG_PASSWORD)
    assert signed_in(sign_in(client, PASSWORD))
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, WRONG_PASSWORD)
    assert signed_in(sign_in(client, PASSWORD))


def test_the_lockout_holds_the_username_and_address_pair_only(client, editor, settings):
    fail_until_locked(client, settings)
    get_user_model().objects.create_user("translator", password=PASSWORD, is_staff=True)

    assert signed_in(sign_in(client, PASSWORD, REMOTE_ADDR="198.51.100.7"))
    client.logout()
    assert signed_in(sign_in(client, PASSWORD, username="translator"))


@pytest.mark.parametrize("variant", [" editor", "editor ", "\uff45ditor", "EDITOR"])
def test_spelling_the_username_differently_does_not_escape_the_lockout(
    client, editor, settings, variant
):
    """Spaces the form strips are counted as the same username; a spelling that is not the same
    username (full-width letters, capitals) signs nobody in."""
    fail_until_locked(client, settings)
    response = sign_in(client, PASSWORD, username=variant)
    assert not signed_in(response)
    assert response.status_code in (200, 429)
    if variant.strip() == "editor":
        assert response.status_code == 429


def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # behind one proxy of our own, which appends the client
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, WRONG_PASSWORD, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, 192.0.2.1")
    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99, 192.0.2.1")
    assert response.status_code == 429
    assert signed_in(sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.2"))


def test_without_a_trusted_proxy_forwarded_for_is_ignored(client, editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, WRONG_PASSWORD, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 429


def test_every_failure_and_the_lockout_are_logged_without_the_password(
    client, editor, settings, caplog
):
    with caplog.at_level(logging.WARNING, logger="axes"):
        fail_until_locked(client, settings)
        sign_in(client, PASSWORD)

    messages = [record.getMessage() for record in caplog.records if record.name.startswith("axes")]
    failures = [message for message in messages if "login failure" in message]
    lockouts = [message for message in messages if "Locking out" in message]
    assert len(failures) >= settings.AXES_FAILURE_LIMIT
    assert len(lockouts) == 1
    assert all("editor" in message and "127.0.0.1" in message for message in failures + lockouts)
    logged = "\n".join(messages) + caplog.text
    assert WRONG_PASSWORD not in logged
    assert PASSWORD not in logged
