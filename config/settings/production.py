"""Production: every secret from the environment, secure cookies and headers."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without it: "
        "set SECRET_KEY to a long random string (for example from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )
DEBUG = env_bool("DEBUG", False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the shipped nginx (deploy/nginx.conf), which appends the client's address to
# X-Forwarded-For; set 0 when clients reach gunicorn directly.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
# Off unless asked: every subdomain must serve HTTPS before includeSubDomains, and preload lists
# take months to leave.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if SECURE_HSTS_PRELOAD and not (
    SECURE_HSTS_INCLUDE_SUBDOMAINS and SECURE_HSTS_SECONDS >= 60 * 60 * 24 * 365
):
    raise ImproperlyConfigured(
        "SECURE_HSTS_PRELOAD=true needs SECURE_HSTS_INCLUDE_SUBDOMAINS=true and "
        "SECURE_HSTS_SECONDS of at least 31536000 (one year): browsers' preload lists refuse "
        "anything less."
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Static files: compressed and with content hashes in their names, served by WhiteNoise with
# far-future cache headers (run `manage.py collectstatic` at deploy time).
STORAGES = {
    **STORAGES,  # noqa: F405 - the media storage chosen in base.py (local or S3)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Without Redis, the cache lives in the database, so that every worker process sees the same
# pages and the same purges (run `manage.py createcachetable` once). Culling (past MAX_ENTRIES,
# a third of the keys, the lowest first) only drops cached pages and memos: the content
# generation is kept in its own table (pagecache/generation.py), never culled.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "pagecache.dbcache.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {
                # Every page variant (3 languages x preference variants x pages) with room to
                # spare: ~20 KB an entry, some 400 MB at most.
                "MAX_ENTRIES": env_int("DATABASE_CACHE_MAX_ENTRIES", 20000),
                "CULL_FREQUENCY": 3,
            },
        },
    }
    if SITE_OPTIMISATIONS:  # noqa: F405 - off: renditions where stock Wagtail keeps them
        CACHES["renditions"] = RENDITION_CACHE  # noqa: F405 - in each process's memory (base.py)

# Background jobs are stored in the database and run by `manage.py db_worker`; accessibility
# audits too, in the same queue (one worker runs everything).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ACCESSIBILITY_TASK_BACKEND = "default"

# Optional purge of a CDN or caching proxy in front of the site, when its purge URL is given.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Article visits are added up in memory and written every 10 s (see news/counter.py).
VIEW_COUNT_FLUSH_SECONDS = env_int("VIEW_COUNT_FLUSH_SECONDS", 10)
