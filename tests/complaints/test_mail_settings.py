"""E-mail settings from the environment: EMAIL_URL or EMAIL_HOST and friends."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.mail import (
    SMTP_BACKEND,
    mail_settings_from_environment,
    parse_email_url,
)


def test_an_smtp_url_with_starttls_and_an_encoded_password():
    mail = parse_email_url("smtp://user%40office:p%40ss%3Aword@mail.example:587?tls=true")
    assert (mail.backend, mail.host, mail.port) == (SMTP_BACKEND, "mail.example", 587)
    assert (mail.user, mail.password) == ("user@office", "p@ss:word")
    assert (mail.use_tls, mail.use_ssl) == (True, False)


def test_smtps_means_tls_from_the_start_on_port_465():
    mail = parse_email_url("smtps://u:p@mail.example")
    assert (mail.port, mail.use_ssl, mail.use_tls) == (465, True, False)


def test_console_url_prints_messages():
    assert parse_email_url("console://").backend.endswith("console.EmailBackend")


@pytest.mark.parametrize(
    "url",
    ["http://mail.example", "smtp://", "smtp://mail.example:port", "smtp://h?tls=1&ssl=1"],
)
def test_bad_urls_are_refused_without_repeating_the_password(url):
    with pytest.raises(ImproperlyConfigured) as error:
        parse_email_url(url.replace("//", "//u:secret-password@", 1) if "@" not in url else url)
    assert "secret-password" not in str(error.value)


def test_separate_variables_when_there_is_no_url(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.setenv("EMAIL_HOST", "relay.example")
    monkeypatch.setenv("EMAIL_PORT", "2525")
    monkeypatch.setenv("EMAIL_HOST_USER", "site")
    monkeypatch.setenv("EMAIL_HOST_PASSWORD", "pw")
    monkeypatch.setenv("EMAIL_USE_TLS", "true")
    mail = mail_settings_from_environment()
    assert (mail.host, mail.port, mail.user, mail.password, mail.use_tls) == (
        "relay.example",
        2525,
        "site",
        "pw",
        True,
    )
