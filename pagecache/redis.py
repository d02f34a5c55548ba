"""A Redis cache client that stops asking a failing Redis for a few seconds (a circuit breaker).

With `IGNORE_EXCEPTIONS`, django-redis turns a failed cache call into a miss, so the site keeps
working while Redis is down. But every call still tries: a Redis that does not answer costs the
socket timeout on each of a page's cache calls. After a failure this client answers every call
with an immediate miss for `REDIS_RETRY_SECONDS` (default 5); then one call (one request of the
process) tries Redis again while the others keep skipping, so a hung Redis costs one socket
timeout per process per interval, never one per call. The breaker logs one warning when it opens
and one line when Redis answers again; django-redis's traceback per ignored call is switched off
(`DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False`).
"""

import logging
import threading
import time

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

logger = logging.getLogger(__name__)

GUARDED_METHODS = (
    "get",
    "set",
    "add",
    "incr",
    "decr",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "has_key",
    "touch",
    "clear",
    "ttl",
    "expire",
)


def retry_seconds():
    return getattr(settings, "REDIS_RETRY_SECONDS", 5)


class CircuitBreakerClient(DefaultClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._skip_until = 0.0
        self._open = False

    @property
    def is_skipping(self):
        return time.monotonic() < self._skip_until

    def _may_call(self):
        """Whether this call may reach Redis: always while closed; once open, one trial call
        per interval (the others keep skipping while it runs)."""
        if not self._open:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._skip_until:
                return False
            self._skip_until = now + retry_seconds()  # the trial's own time, then the next
            return True

    def _failed(self, error):
        with self._lock:
            self._skip_until = time.monotonic() + retry_seconds()
            opening = not self._open
            self._open = True
        if opening:
            logger.warning(
                "Redis cache unreachable (%s); cache calls are misses, Redis is tried again "
                "every %s s",
                error.__cause__ or error,
                retry_seconds(),
            )

    def _succeeded(self):
        if self._open:
            with self._lock:
                closing = self._open
                self._open = False
                self._skip_until = 0.0
            if closing:
                logger.warning("Redis cache reachable again; cache calls go to Redis")


def _guarded(name):
    method = getattr(DefaultClient, name)

    def guarded(self, *args, **kwargs):
        if not self._may_call():
            # What django-redis raises for a failed call: the cache turns it into a miss.
            raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                "Redis failed recently; not asked again yet"
            )
        try:
            result = method(self, *args, **kwargs)
        except ConnectionInterrupted as error:
            self._failed(error)
            raise
        self._succeeded()
        return result

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


for _name in GUARDED_METHODS:
    setattr(CircuitBreakerClient, _name, _guarded(_name))
