"""Per-address rate limits kept in the cache: a counter per visitor, scope and time window.

The visitor's address is never stored: the cache key holds a keyed hash of it. When the cache
cannot answer (Redis down), `check` says so (`None`) and each caller decides: the complaint
form lets the visitor through (turning away a person reporting a violation because our cache is
down is worse than a burst of spam, which the honeypot, the size limits and the officers still
stop), the status check refuses (it answers questions about other people's cases, so it never
runs unthrottled).
"""

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from core.client_address import client_ip_address

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window_seconds: int


def submission_limit():
    return Limit("submit", settings.COMPLAINT_SUBMISSIONS_PER_HOUR, 3600)


def status_check_limit():
    return Limit("status", settings.COMPLAINT_STATUS_CHECKS_PER_HOUR, 3600)


def address_digest(address):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Verdict:
    allowed: bool | None  # None: the cache could not answer
    retry_after: int


def check(request, limit):
    """Count this attempt; whether it is within the limit (None when the cache is down)."""
    window = int(time.time() // limit.window_seconds)
    retry_after = limit.window_seconds - int(time.time() % limit.window_seconds)
    key = f"complaints:rate:{limit.scope}:{address_digest(client_ip_address(request))}:{window}"
    try:
        cache.add(key, 0, timeout=limit.window_seconds + 60)
        count = cache.incr(key)
    except Exception as error:  # any backend's failure: Redis, the database cache, …
        logger.warning(
            "Rate limit %s: the cache did not answer (%s).", limit.scope, type(error).__name__
        )
        return Verdict(None, retry_after)
    if count is None:  # django-redis with IGNORE_EXCEPTIONS answers None when Redis is down
        logger.warning("Rate limit %s: the cache did not answer.", limit.scope)
        return Verdict(None, retry_after)
    return Verdict(count <= limit.attempts, retry_after)
