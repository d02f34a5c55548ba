"""Local development: DEBUG on, an insecure key that only ever serves 127.0.0.1."""

from .base import *  # noqa: F403
from .env import env_bool, env_str
from .mail import mail_is_configured_in_environment

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
# E-mail is printed to the console unless a mail server is configured.
if not mail_is_configured_in_environment():
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
