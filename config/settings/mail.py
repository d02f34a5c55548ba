"""E-mail settings from the environment: EMAIL_URL, or EMAIL_HOST, EMAIL_PORT and friends.

    EMAIL_URL=smtp://user:password@mail.example:587?tls=true   (STARTTLS)
    EMAIL_URL=smtps://user:password@mail.example:465           (TLS from the start)
    EMAIL_URL=console://                                        (print messages; development)

User name and password are percent-decoded (write "@" as %40). Errors never repeat the password.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
BACKENDS_BY_SCHEME = {
    "smtp": SMTP_BACKEND,
    "smtps": SMTP_BACKEND,
    "submission": SMTP_BACKEND,
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
DEFAULT_PORTS = {"smtp": 25, "smtps": 465, "submission": 587}
TRUE_WORDS = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class MailSettings:
    backend: str = SMTP_BACKEND
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False


def parse_email_url(url):
    """MailSettings from an EMAIL_URL."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS_BY_SCHEME:
        raise ImproperlyConfigured(
            f"EMAIL_URL has the scheme {scheme!r}; use one of {', '.join(BACKENDS_BY_SCHEME)}."
        )
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme, 25)
    except ValueError as error:
        raise ImproperlyConfigured("EMAIL_URL has a port that is not a number.") from error
    query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
    use_ssl = scheme == "smtps" or query.get("ssl") in TRUE_WORDS
    use_tls = scheme == "submission" or query.get("tls") in TRUE_WORDS
    if use_ssl and use_tls:
        raise ImproperlyConfigured("EMAIL_URL asks for both ssl and tls: choose one.")
    if BACKENDS_BY_SCHEME[scheme] == SMTP_BACKEND and not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no mail server host.")
    return MailSettings(
        backend=BACKENDS_BY_SCHEME[scheme],
        host=parts.hostname or "localhost",
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
    )


def mail_settings_from_environment():
    url = env_str("EMAIL_URL")
    if url:
        return parse_email_url(url)
    return MailSettings(
        host=env_str("EMAIL_HOST", "localhost"),
        port=env_int("EMAIL_PORT", 25),
        user=env_str("EMAIL_HOST_USER"),
        password=env_str("EMAIL_HOST_PASSWORD"),
        use_tls=env_bool("EMAIL_USE_TLS", False),
        use_ssl=env_bool("EMAIL_USE_SSL", False),
    )


def mail_is_configured_in_environment():
    return bool(env_str("EMAIL_URL") or env_str("EMAIL_HOST"))
