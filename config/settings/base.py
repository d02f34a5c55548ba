"""Settings shared by every environment; environment-specific files import from here."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str
from .mail import mail_settings_from_environment
from .stock import stock_wagtail_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Runtime data (the SQLite file, uploaded media, audit reports) lives outside the
# source folders, in one git-ignored folder.
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "home",
    "core",
    "news",
    "search",
    "institution",
    "complaints",
    "accessibility",
    "pagecache",
    "csp",
    "axes",
    "staff",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# What the project plugs into core, which names no page app (see "Layout" in the README).
# The snippets core's template tags show on every page, as "app_label.ModelName".
SITE_HOTLINE_MODEL = "home.Hotline"
SITE_FOOTER_TEXT_MODEL = "home.FooterText"
# The demo site's builders (`manage.py load_demo_content`), in this order; each takes the
# DemoContext (core/demo.py) and creates or updates its app's part of the site. Pages need the
# home page first. core's own builders (translator groups, locale synchronisation) run after them.
DEMO_CONTENT_BUILDERS = [
    "home.demo.build_home",
    "home.demo.build_hotline",
    "news.demo.build_news",
    "institution.demo.build_institution_pages",
    "institution.demo.build_publications",
    "institution.demo.build_offices",
    "institution.demo.build_contact",
    "institution.demo.build_complaint_page",
    "complaints.demo.build_complaint_officers",
    "institution.demo.build_navigation",
    "home.demo_statement.build_statement",
]
# What a visitor chooses that changes a cached page (pagecache/keys.py): each function returns a
# short, normalised part of the page-cache key for a request.
PAGE_CACHE_KEY_VARIANTS = ["core.preferences.preference_cache_variant"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that cached pages get the current policies too.
    "config.security_headers.SecurityHeadersMiddleware",
    # Outside the page cache, so that article visits served from the cache are counted too.
    "news.counter.ViewCountMiddleware",
    # Early, so that a cached page skips sessions, locale and authentication entirely.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware (which may redirect with the language prefix).
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: an admin response is labelled with the editor's own language.
    "core.admin_language.AdminContentLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, the first to read a request's body: an oversized public POST gets
    # a clear 413 page in the visitor's language (complaints/middleware.py).
    "complaints.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff accounts (staff/): session limits, then django-otp's verification state, then the
    # second factor on every admin URL.
    "staff.middleware.StaffSessionExpiryMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.TwoFactorMiddleware",
    # Translators keep to their own language in wagtail-localize's views and string API.
    "core.translator_guard.TranslatorLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: a refused publish becomes an error message on the page's edit view, and
    # starting a translation queues no audit.
    "accessibility.middleware.AccessibilityAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "core.preferences.visitor_preferences",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default is served by several threads (`make run`, the audit's own server):
    # a transaction takes the write lock when it begins, so that a reader never has to upgrade
    # its lock mid-transaction (that fails at once with "database is locked", whatever the
    # timeout); a writer waits up to 20 s for another's lock; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Azerbaijani is the default; every public URL carries its prefix.
# Names are written in their own language, as the language switcher shows them.
LANGUAGE_CODE = "az"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [
    ("az", "Azərbaycanca"),
    ("en", "English"),
    ("ru", "Русский"),
]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES
# The admin's Azerbaijani, built by `manage.py compile_admin_translations` (`make messages`) from
# Wagtail's az_AZ catalogs, which Django never loads for "az"; after ours, so that ours win.
ADMIN_LOCALE_DIR = BASE_DIR / "var" / "locale-vendor"
LOCALE_PATHS = [BASE_DIR / "locale", ADMIN_LOCALE_DIR]
# Our date formats per language (config/formats/<language>/formats.py), before Django's.
FORMAT_MODULE_PATH = ["config.formats"]
WAGTAILADMIN_PERMITTED_LANGUAGES = WAGTAIL_CONTENT_LANGUAGES
TIME_ZONE = "Asia/Baku"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
# Serve uploaded media from Django itself (development and test servers only).
SERVE_MEDIA_FILES = env_bool("SERVE_MEDIA_FILES", False)
# Complaint attachments: a private folder outside MEDIA_ROOT, never given a URL (a system check
# refuses a folder inside the public media or static folders); officers download them through
# a permission-checked admin view.
COMPLAINT_ATTACHMENTS_DIR = Path(
    env_str("COMPLAINT_ATTACHMENTS_DIR", str(VAR_DIR / "private" / "complaint-attachments"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "complaint_attachments": {
        "BACKEND": "complaints.storage.PrivateFileStorage",
        "OPTIONS": {"location": str(COMPLAINT_ATTACHMENTS_DIR)},
    },
}

# Visitors' display preferences (text size, high contrast); page caches must key on its value.
PREFERENCE_COOKIE_NAME = "site_preferences"

WAGTAIL_SITE_NAME = _("Commissioner for Human Rights (Ombudsman)")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "config.search_backend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL full-text search, stemming each language with its own configuration.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "config.search_backend",
            "SEARCH_CONFIG": "simple",
            "LANGUAGE_SEARCH_CONFIGS": {"az": "simple", "en": "english", "ru": "russian"},
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Wagtail's own tasks (search and reference index) run at once here (production.py queues them);
# accessibility audits are always queued in the database and run by `manage.py db_worker
# --backend accessibility` (`make run` starts it next to the development server): publishing or
# starting an audit never waits for a browser, in any environment.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "accessibility": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
ACCESSIBILITY_TASK_BACKEND = "accessibility"
# Audits one person may start in a minute (publishing, "Audit this page now", a site audit):
# each starts a browser. Publishing past the limit still publishes, without the audit.
ACCESSIBILITY_AUDITS_PER_USER_PER_MINUTE = env_int("ACCESSIBILITY_AUDITS_PER_USER_PER_MINUTE", 5)
# The statement claims full compliance only while its manual review is at most this old.
ACCESSIBILITY_STATEMENT_REVIEW_DAYS = env_int("ACCESSIBILITY_STATEMENT_REVIEW_DAYS", 365)
# Publishing a page queues an accessibility audit of it in every language (accessibility/tasks.py).
ACCESSIBILITY_AUDIT_ON_PUBLISH = env_bool("ACCESSIBILITY_AUDIT_ON_PUBLISH", True)

# The cache: Redis when REDIS_URL is set (a dead Redis makes every cache call a silent miss, never
# an error page); otherwise this process's memory (production.py uses the database instead).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # One namespace per database: processes serving different databases (a test run
            # and its throw-away demo server) never read each other's entries.
            "KEY_PREFIX": env_str(
                "CACHE_KEY_PREFIX", "ombudsman-" + str(DATABASES["default"]["NAME"])
            ),
            "OPTIONS": {
                # After a failure, Redis is left alone for REDIS_RETRY_SECONDS (pagecache/redis.py).
                "CLIENT_CLASS": "pagecache.redis.CircuitBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    # The breaker logs one warning when it opens (pagecache/redis.py), not a traceback per call.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    REDIS_RETRY_SECONDS = env_int("REDIS_RETRY_SECONDS", 5)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ombudsman",
        }
    }

# Full-page cache for anonymous visitors (pagecache/); article pages, which show their view
# count, are kept for a shorter time: the displayed count lags by at most that long.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_COUNTED_SECONDS = env_int("PAGE_CACHE_COUNTED_SECONDS", 60)
# After a publish, one request renders a page anew while the others are answered with the
# version stored before it, for at most this many seconds (never after a change to who may see
# what: pagecache/middleware.py); 0: every request renders for itself.
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 5)
# sitemap.xml lists this many pages at most; a bigger site gets a sitemap index of parts.
SITEMAP_PAGE_SIZE = env_int("SITEMAP_PAGE_SIZE", 1000)
# Site furniture (menus, breadcrumbs, snippets, locales) memoised per language and content
# generation (pagecache/memo.py), with or without the full-page cache.
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
# The longest any memoised answer is kept, in a process or in the shared cache: a change that no
# purge announced shows within this many seconds anyway.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 60)
# After a publish, the publishing process computes the memoised answers it held again under the
# new generation, in a background thread, for at most this many seconds (pagecache/memo.py);
# with Redis every process finds them there. 0: each process computes on demand.
MEMO_REWARM_SECONDS = env_int("MEMO_REWARM_SECONDS", 2)
# Image renditions (Wagtail keeps each one it looks up in the `renditions` cache) stay in each
# process's own memory, bounded in entries and time: a page view never writes them to Redis or,
# without Redis, to the database (a write transaction per image per view). A rendition's key
# names its image's file hash, so a replaced file is never answered from here.
RENDITION_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": FRAGMENT_CACHE_SECONDS,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
CACHES["renditions"] = RENDITION_CACHE
# The site's speed-ups (routing shortcut, memos, page cache) on; false serves the same content as
# stock Wagtail would, for `make bench`'s comparison (config/settings/stock.py). Not for production.
SITE_OPTIMISATIONS = env_bool("SITE_OPTIMISATIONS", True)
if not SITE_OPTIMISATIONS:
    _stock = stock_wagtail_settings(MIDDLEWARE, CACHES)
    CACHES = _stock["CACHES"]
    PAGE_CACHE_ENABLED = _stock["PAGE_CACHE_ENABLED"]
    FRAGMENT_CACHE_ENABLED = _stock["FRAGMENT_CACHE_ENABLED"]
    MIDDLEWARE = _stock["MIDDLEWARE"]
# How long the shared cache's copy of the content generation (its number of record is in the
# database, pagecache/generation.py) is trusted: a purge the cache missed heals within this bound.
GENERATION_COPY_SECONDS = env_int("GENERATION_COPY_SECONDS", 5)
# URLs per request to the front-end cache when the whole site is purged (pagecache/frontend.py).
FRONTEND_PURGE_BATCH_SIZE = env_int("FRONTEND_PURGE_BATCH_SIZE", 100)
# Every page of every language is named by its own URL; Wagtail must not multiply each URL by
# the languages (it would purge /en/ and /ru/ spellings of an Azerbaijani page, which 404).
WAGTAILFRONTENDCACHE_LANGUAGES = []
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", STATIC_URL, MEDIA_URL)
VIEW_COUNTED_PAGE_TYPES = {"news.newspage"}
# Article visits are written in batches this often (news/counter.py); 0 writes each one at once.
VIEW_COUNT_FLUSH_SECONDS = env_int("VIEW_COUNT_FLUSH_SECONDS", 0)
# Reverse proxies of our own in front of the application (production: the shipped nginx) whose
# X-Forwarded-For names the client, for sign-in throttling and the view counter's once-an-hour
# visitor (core/client_address.py); 0: the connection's own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Media files in an S3-compatible bucket when one is named; credentials come from the usual
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, read by boto3.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)

# The axe-core that audits the site: the version pinned in package.json, installed by `npm ci`.
AXE_SCRIPT_PATH = Path(
    env_str("AXE_SCRIPT_PATH", str(BASE_DIR / "node_modules/axe-core/axe.min.js"))
)
CHROMIUM_BINARY = env_str("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER_BINARY = env_str("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")
# The one axe-core configuration of the audit command, the pytest helpers and publish audits
# (every key is described in accessibility/config.py). No rule is switched off.
ACCESSIBILITY_AUDIT = {
    "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    "include_best_practice": False,
    "viewports": ["1280x800", "320x640"],
    "variants": ["default"],
    "workers": env_int("ACCESSIBILITY_AUDIT_WORKERS", 1),
    "timeout": env_int("ACCESSIBILITY_AUDIT_TIMEOUT", 30),
    "fail_impact": "minor",
    "baseline": BASE_DIR / "accessibility" / "audit-baseline.json",
    "output_dir": VAR_DIR / "audit-reports",
    # Our preference-cookie variants and the views that are not pages (search, preferences).
    "site": "config.audit_site.SiteAudit",
    # The loopback server of `manage.py audit_accessibility`: DEBUG off, as in production.
    "server_settings": "config.settings.test",
    # The checks beyond axe (accessibility/checks/registry.py): "all", "none" or a list of names.
    "checks": "all",
}
# The accessibility statement page: our page base (no fields of its own) and its one parent.
ACCESSIBILITY_STATEMENT_PAGE_BASE = "core.models.BasePage"
ACCESSIBILITY_STATEMENT_PARENT_PAGE_TYPES = ["home.HomePage"]
# Where single-page audits (on publish, from the admin) find the site; empty: WAGTAILADMIN_BASE_URL.
ACCESSIBILITY_AUDIT_BASE_URL = env_str("ACCESSIBILITY_AUDIT_BASE_URL", "")

# Staff accounts (staff/). Superusers and holders of these permissions must use two-step
# verification (TOTP with recovery codes) on every admin URL; other editors may turn it on.
STAFF_TWO_FACTOR_REQUIRED_PERMISSIONS = ["complaints.view_complaint"]
STAFF_TWO_FACTOR_PROTECTED_PATHS = ["/admin/", "/django-admin/"]
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Ombudsman")
# Staff sessions end after this many seconds without a request, or this long after sign-in,
# whichever comes first; the privileged (those who must use two-step verification) get less.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 2 * 3600)
STAFF_SESSION_ABSOLUTE_SECONDS = env_int("STAFF_SESSION_ABSOLUTE_SECONDS", 12 * 3600)
STAFF_SESSION_PRIVILEGED_IDLE_SECONDS = env_int("STAFF_SESSION_PRIVILEGED_IDLE_SECONDS", 15 * 60)
STAFF_SESSION_PRIVILEGED_ABSOLUTE_SECONDS = env_int(
    "STAFF_SESSION_PRIVILEGED_ABSOLUTE_SECONDS", 8 * 3600
)
# No session cookie outlives the longest session limit.
SESSION_COOKIE_AGE = max(STAFF_SESSION_ABSOLUTE_SECONDS, STAFF_SESSION_PRIVILEGED_ABSOLUTE_SECONDS)
# E-mail: EMAIL_URL, or EMAIL_HOST/EMAIL_PORT/EMAIL_HOST_USER/EMAIL_HOST_PASSWORD/EMAIL_USE_TLS/
# EMAIL_USE_SSL (config/settings/mail.py); dev prints messages, tests keep them in memory.
_mail = mail_settings_from_environment()
EMAIL_BACKEND = _mail.backend
EMAIL_HOST = _mail.host
EMAIL_PORT = _mail.port
EMAIL_HOST_USER = _mail.user
EMAIL_HOST_PASSWORD = _mail.password
EMAIL_USE_TLS = _mail.use_tls
EMAIL_USE_SSL = _mail.use_ssl
# A mail server that does not answer must not hold a worker for long: the message is retried.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Complaints (complaints/): who is told of a new one, how long closed cases are kept, limits.
COMPLAINT_NOTIFY_EMAIL = env_list("COMPLAINT_NOTIFY_EMAIL", [])
COMPLAINT_RETENTION_DAYS = env_int("COMPLAINT_RETENTION_DAYS", 5 * 365)
COMPLAINT_SUBMISSIONS_PER_HOUR = env_int("COMPLAINT_SUBMISSIONS_PER_HOUR", 10)
COMPLAINT_STATUS_CHECKS_PER_HOUR = env_int("COMPLAINT_STATUS_CHECKS_PER_HOUR", 20)
# A form sent without a valid CSRF token gets a page in the visitor's language.
CSRF_FAILURE_VIEW = "complaints.views.csrf_failure"
# The largest public POST: three 10 MB attachments and the form's texts.
PUBLIC_MAX_REQUEST_BYTES = 31 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Task and page-action chatter would bury what matters in command output.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Sign-in failures and lockouts are warnings; axes' start-up banner is not news.
        "axes": {"level": "WARNING"},
        # Sign-ins, sign-outs, failures and expired sessions (staff/auth_log.py): kept whatever
        # LOG_LEVEL says.
        "staff.auth": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Content-Security-Policy (config/security_headers.py, django-csp): the public pages carry no
# inline script, style or event handler, so scripts and styles come from the site's own files
# only. No nonces: pages are shared through the page cache, and a nonce baked into shared HTML
# would be no secret. Video players are the only framed content; media may come from the bucket.
VIDEO_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)


def media_origins():
    """Where uploaded images are served from when they are not on this site (S3 and its CDN)."""
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    if AWS_S3_CUSTOM_DOMAIN:
        return [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    if AWS_S3_ENDPOINT_URL:
        endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        return [f"{endpoint.scheme}://{endpoint.netloc}"]
    return [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com", "https://*.amazonaws.com"]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *media_origins(), *env_list("CSP_IMAGE_SOURCES", [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        **({"report-uri": [env_str("CSP_REPORT_URI")]} if env_str("CSP_REPORT_URI") else {}),
    }
}
# Paths whose pages need more than the strict policy (Wagtail's admin, previews and sign-in use
# inline scripts and styles): the strict policy is sent there as Report-Only, and only these
# directives, which those pages satisfy, are enforced.
CONTENT_SECURITY_POLICY_REPORT_ONLY_PATHS = ("/admin/",)
CONTENT_SECURITY_POLICY_REPORT_ONLY_PATHS_ENFORCED = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
# Permissions-Policy: every powerful feature off; full screen and picture-in-picture for the site
# and its video players only.
PERMISSIONS_POLICY = {
    **{
        feature: []
        for feature in (
            "accelerometer",
            "autoplay",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "idle-detection",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "serial",
            "usb",
            "xr-spatial-tracking",
        )
    },
    "fullscreen": ["self", *(f'"{origin}"' for origin in VIDEO_FRAME_SOURCES)],
    "picture-in-picture": ["self", *(f'"{origin}"' for origin in VIDEO_FRAME_SOURCES)],
}

# Admin sign-in throttling (django-axes, config/login_throttling.py): after LOGIN_FAILURE_LIMIT
# wrong passwords for one username from one address, that pair is refused, right password or not,
# for LOGIN_COOL_OFF_MINUTES. Keyed on both so that nobody can lock an editor out from elsewhere
# and a shared office address is not locked for everyone. Attempts are kept in the database (no
# cache needed); every failure and lockout is logged (username, address, never the password).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOL_OFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The lockout ends when announced: attempts during it do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "config.login_throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip_address"
# Logged: the username tried and the address (to act on an attack); the password never is.
AXES_SENSITIVE_PARAMETERS = []
