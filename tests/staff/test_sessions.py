"""Staff sessions end when idle or too old, and a password change signs out every other one."""

import logging
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from staff import middleware
from tests.staff.conftest import PASSWORD, password_only_client

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Quartz-harbour-19-lindens"


class Clock:
    def __init__(self, start=1_900_000_000):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(middleware, "session_clock", clock)
    return clock


@pytest.fixture(autouse=True)
def limits(settings):
    settings.STAFF_SESSION_PRIVILEGED_IDLE_SECONDS = 600
    settings.STAFF_SESSION_PRIVILEGED_ABSOLUTE_SECONDS = 3600
    settings.STAFF_SESSION_IDLE_SECONDS = 1800
    settings.STAFF_SESSION_ABSOLUTE_SECONDS = 7200


def signed_in(client):
    return "_auth_user_id" in client.session


def assert_expired(client, response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not signed_in(client)
    login_page = client.get(response["Location"]).content.decode()
    assert "Your session expired. Please sign in again." in login_page


def test_an_officers_session_ends_after_the_idle_limit(officer, clock, client, caplog):
    client.force_login(officer)
    assert client.get("/admin/").status_code == 200
    clock.advance(599)
    assert client.get("/admin/pages/").status_code == 200
    clock.advance(599)
    assert client.get("/admin/pages/").status_code == 200  # activity keeps it alive
    clock.advance(600)
    with caplog.at_level(logging.INFO, logger="staff.auth"):
        response = client.get("/admin/pages/")
    assert_expired(client, response)
    assert "session expired user=officer reason=idle" in caplog.text


def test_an_officers_session_ends_at_the_absolute_limit_however_active(officer, clock, client):
    client.force_login(officer)
    for _ in range(11):
        clock.advance(300)
        assert client.get("/admin/").status_code == 200
    clock.advance(300)  # 3600 seconds since sign-in
    assert_expired(client, client.get("/admin/"))


def test_editors_get_the_longer_limits(editor, officer, clock):
    editor_client = password_only_client(editor)
    officer_client = password_only_client(officer)
    officer_client.force_login(officer)
    clock.advance(1000)
    assert editor_client.get("/admin/").status_code == 200
    assert_expired(officer_client, officer_client.get("/admin/"))
    clock.advance(1799)
    assert editor_client.get("/admin/").status_code == 200
    clock.advance(1800)
    assert_expired(editor_client, editor_client.get("/admin/"))


def test_an_expired_session_gets_nothing_from_an_admin_api_or_form(officer, clock, client):
    client.force_login(officer)
    client.get("/admin/")
    clock.advance(601)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[2]), {"title": "x"})
    assert response.status_code == 403
    assert response.json()["error"] == "Your session expired."
    assert not signed_in(client)


def test_the_editors_background_pings_do_not_keep_a_session_alive(officer, clock, client):
    client.force_login(officer)
    client.get("/admin/")
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", 2, 0])
    for _ in range(5):
        clock.advance(100)
        client.post(ping)
    clock.advance(100)
    assert_expired(client, client.get("/admin/"))


def test_signing_in_again_restarts_the_clock(editor, clock):
    client = password_only_client(editor)
    clock.advance(7000)
    assert client.login(username="editor", password=PASSWORD)
    clock.advance(1000)
    assert client.get("/admin/").status_code == 200


def account_form(user, **extra):
    data = {
        "name_email-first_name": "Ed",
        "name_email-last_name": "Itor",
        "name_email-email": user.email,
        "locale-preferred_language": "en",
        "locale-current_time_zone": "Asia/Baku",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "keyboard-shortcuts": "true",
    }
    data.update(extra)
    return data


def test_changing_the_password_signs_out_every_other_session(editor):
    here = password_only_client(editor)
    elsewhere = password_only_client(editor)
    response = here.post(
        reverse("wagtailadmin_account"),
        account_form(
            editor,
            **{
                "password-old_password": PASSWORD,
                "password-new_password1": NEW_PASSWORD,
                "password-new_password2": NEW_PASSWORD,
            },
        ),
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    assert here.get("/admin/").status_code == 200
    assert elsewhere.get("/admin/").status_code == 302
    assert not signed_in(elsewhere)


def test_a_password_reset_signs_out_every_session(editor):
    first = password_only_client(editor)
    second = password_only_client(editor)
    visitor = password_only_client(editor)
    visitor.logout()
    editor.refresh_from_db()  # the token covers the last sign-in time
    uid = urlsafe_base64_encode(force_bytes(editor.pk))
    token = default_token_generator.make_token(editor)
    confirm = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    form_page = visitor.get(confirm, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    response = visitor.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    for client in (first, second):
        assert client.get("/admin/").status_code == 302
        assert not signed_in(client)


def test_sign_ins_sign_outs_and_failures_are_logged_without_passwords(editor, client, caplog):
    with caplog.at_level(logging.INFO, logger="staff.auth"):
        assert not client.login(username="editor", password="wrong-guess-123")
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "editor", "password": "another-wrong-one"},
            REMOTE_ADDR="203.0.113.7",
        )
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "editor", "password": PASSWORD},
            REMOTE_ADDR="203.0.113.7",
        )
        client.post(reverse("wagtailadmin_logout"), REMOTE_ADDR="203.0.113.7")
    lines = [record.getMessage() for record in caplog.records if record.name == "staff.auth"]
    assert "sign-in failed user='editor' ip=127.0.0.1" in lines
    assert "sign-in failed user='editor' ip=203.0.113.7" in lines
    assert "sign-in user=editor ip=203.0.113.7" in lines
    assert "sign-out user=editor ip=203.0.113.7" in lines
    assert not re.search("wrong-guess|another-wrong|" + re.escape(PASSWORD), caplog.text)
