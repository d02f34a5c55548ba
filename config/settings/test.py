"""Test runs: fast hashing, in-memory media, the immediate task backend."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_int, env_str

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A browser test's server and the demo loader that filled its database share VAR_DIR (set in
# their environment), so they must share its media folder; plain test runs get a fresh folder.
MEDIA_ROOT = (
    VAR_DIR / "media" if env_str("VAR_DIR") else tempfile.mkdtemp(prefix="ombudsman-test-media-")
)
SERVE_MEDIA_FILES = True
# Complaint attachments: beside the media folder of a browser test's server, else a fresh folder.
COMPLAINT_ATTACHMENTS_DIR = (
    VAR_DIR / "private" / "complaint-attachments"
    if env_str("VAR_DIR")
    else Path(tempfile.mkdtemp(prefix="ombudsman-test-attachments-"))
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "complaint_attachments": {
        "BACKEND": "complaints.storage.PrivateFileStorage",
        "OPTIONS": {"location": str(COMPLAINT_ATTACHMENTS_DIR)},
    },
}
COMPLAINT_NOTIFY_EMAIL = ["officers@example.org"]
# The browser tests send a dozen complaints from 127.0.0.1; rate-limit tests set their own limit.
COMPLAINT_SUBMISSIONS_PER_HOUR = 100
DEFAULT_FROM_EMAIL = "ombudsman@example.org"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://testserver")
TEST_OUTPUT_DIR = VAR_DIR / "test-output"
# Browser tests run a real server with DEBUG off; WhiteNoise serves static files from the source.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# No browser audit on every publish in tests; tests of that feature switch it on.
ACCESSIBILITY_AUDIT_ON_PUBLISH = False
# No background rewarm of the memo after each change (pagecache/memo.py): a test's later queries
# and counts stay its own; tests of the rewarm call it themselves.
MEMO_REWARM_SECONDS = env_int("MEMO_REWARM_SECONDS", 0)


def redis_url_of_database(url, number):
    """`url` naming Redis database `number` instead of its own."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{number}"))


# Parallel test workers (pytest-xdist, `-n 2`) share the database server, each in a test database
# of its own (pytest-django names them per worker), and Redis: each takes a Redis database of its
# own too, since a test's `cache.clear()` empties its whole database.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and XDIST_WORKER.startswith("gw"):  # noqa: F405
    CACHES["default"]["LOCATION"] = redis_url_of_database(  # noqa: F405
        REDIS_URL,  # noqa: F405
        1 + int(XDIST_WORKER.removeprefix("gw")),
    )
