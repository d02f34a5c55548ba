"""Settings of the minimal second site: Wagtail, the accessibility app and one tiny page app
(no wagtail-localize: the app does without it).

Run its tests on their own (pytest binds one settings module per process):

    .venv/bin/pytest tests/minimal_site --ds=tests.minimal_site.settings \
        --confcutdir=tests/minimal_site
"""

import os
import secrets
import tempfile
from pathlib import Path

# manage.py is two folders up: the loopback server of the audit is started from there.
BASE_DIR = Path(__file__).resolve().parents[2]
SECRET_KEY = "minimal-site-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "tests.minimal_site.pages",
    "accessibility",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accessibility.middleware.AccessibilityAdminMiddleware",
]
ROOT_URLCONF = "tests.minimal_site.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ]
        },
    }
]

# The test run and the server its audit starts share one SQLite file: the first process to load
# these settings picks a fresh name, and the server inherits it through the environment.
DATABASE_FILE = os.environ.setdefault(
    "MINIMAL_SITE_DATABASE",
    str(Path(tempfile.gettempdir()) / f"minimal-site-{os.getpid()}-{secrets.token_hex(4)}.db"),
)
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATABASE_FILE,
        "TEST": {"NAME": DATABASE_FILE},
        # A throw-away file: no waiting for the disk on every commit of the migrations.
        "OPTIONS": {"init_command": "PRAGMA synchronous=OFF"},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
VAR_DIR = Path(tempfile.gettempdir()) / "minimal-site-var"
MEDIA_ROOT = VAR_DIR / "media"
WAGTAIL_SITE_NAME = "Minimal site"
WAGTAILADMIN_BASE_URL = "http://testserver"

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ACCESSIBILITY_AUDIT_ON_PUBLISH = False
# Only what the app needs from a site: its own settings, with the site's page types.
ACCESSIBILITY_AUDIT = {
    "viewports": ["1280x800"],
    "output_dir": VAR_DIR / "audit-reports",
    "baseline": VAR_DIR / "no-baseline.json",
}
ACCESSIBILITY_STATEMENT_PARENT_PAGE_TYPES = ["minimal_pages.HomePage"]
CHROMIUM_BINARY = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER_BINARY = os.environ.get("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")
AXE_SCRIPT_PATH = Path(
    os.environ.get("AXE_SCRIPT_PATH", BASE_DIR / "node_modules" / "axe-core" / "axe.min.js")
)
