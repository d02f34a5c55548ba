"""A Redis cache client that stops asking a failing Redis for a few seconds (a circuit breaker).

With `IGNORE_EXCEPTIONS`, django-redis turns a failed cache call into a miss, so the site keeps
working while Redis is down. But every call still tries: a Redis that does not answer costs the
socket timeout on each of a page's cache calls. After a failure this client answers every call
with an immediate miss for `REDIS_RETRY_SECONDS` (default 5), then tries Redis again.
"""

import threading
import time

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

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


class CircuitBreakerClient(DefaultClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._skip_until = 0.0

    @property
    def is_skipping(self):
        return time.monotonic() < self._skip_until

    def _failed(self):
        with self._lock:
            self._skip_until = time.monotonic() + getattr(settings, "REDIS_RETRY_SECONDS", 5)


def _guarded(name):
    method = getattr(DefaultClient, name)

    def guarded(self, *args, **kwargs):
        if self.is_skipping:
            # What django-redis raises for a failed call: the cache turns it into a miss.
            raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                "Redis failed recently; not asked again yet"
            )
        try:
            return method(self, *args, **kwargs)
        except ConnectionInterrupted:
            self._failed()
            raise

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


for _name in GUARDED_METHODS:
    setattr(CircuitBreakerClient, _name, _guarded(_name))
