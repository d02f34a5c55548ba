"""The demo administrator's password passes the site's password validators."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import CommandError

from core.management.commands import load_demo_content
from core.management.commands.load_demo_content import DEMO_ADMIN_USERNAME, Command

pytestmark = pytest.mark.django_db


def create_admin():
    output = io.StringIO()
    Command(stdout=output).ensure_admin()
    return output.getvalue()


@pytest.mark.parametrize("weak", ["admin", "12345678901", "password123", "short"])
def test_a_weak_chosen_password_is_refused_with_the_reason(monkeypatch, weak):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", weak)
    with pytest.raises(CommandError, match="DEMO_ADMIN_PASSWORD is refused by the password"):
        create_admin()
    assert not get_user_model().objects.filter(username=DEMO_ADMIN_USERNAME).exists()


def test_a_strong_chosen_password_is_used(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "Lankaran-tea-garden-2026")
    output = create_admin()
    admin = get_user_model().objects.get(username=DEMO_ADMIN_USERNAME)
    assert admin.is_superuser and admin.check_password("Lankaran-tea-garden-2026")
    assert "two-step verification" in output


def test_the_generated_password_passes_the_validators(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = create_admin()
    password = output.split("with the password ", 1)[1].split()[0]
    admin = get_user_model().objects.get(username=DEMO_ADMIN_USERNAME)
    assert admin.check_password(password)
    validate_password(password, user=admin)


def test_a_generated_password_the_validators_refuse_is_never_used(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    candidates = iter(["12345678901234", "password12345", "Balaken-walnut-31-rivers"])
    monkeypatch.setattr(load_demo_content.secrets, "token_urlsafe", lambda n: next(candidates))
    output = create_admin()
    assert "with the password Balaken-walnut-31-rivers " in output
