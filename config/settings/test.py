"""Test runs: fast hashing, in-memory media, the immediate task backend."""

import tempfile
from pathlib import Path

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
