"""A Redis cache client that stops asking a failing Redis for a few seconds (a circuit breaker).

With `IGNORE_EXCEPTIONS`, django-redis turns a failed cache call into a miss, so the site keeps
working while Redis is down. But every call still tries: a Redis that does not answer costs the
socket timeout on each of a page's cache calls. After a failure this client does not ask Redis
for `REDIS_RETRY_SECONDS` (default 5); then one call (one request of the process) tries Redis
again while the others keep skipping, so a hung Redis costs one socket timeout per process per
interval, never one per call. The breaker logs one warning when it opens and one line when Redis
answers again; django-redis's traceback per ignored call is switched off
(`DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False`).

While the breaker is open, the basic calls (get, set, add, delete and their many-key forms) are
answered by a small memory of this process instead, each entry kept `FRAGMENT_CACHE_SECONDS` at
most and all dropped when Redis answers again: without it, everything Wagtail and the site keep
in the cache (site root paths, renditions, memos) would be recomputed on every request, and an
outage would cut uncached throughput by two thirds. What is kept there is keyed like in Redis,
by the content generation, which is then read from the database on every request (its copy is
never kept in a process's memory): a change made meanwhile, a page made private above all,
shows at once.
"""

import inspect
import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
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


# Calls the process's own memory answers while Redis is skipped; the others are misses.
MEMORY_METHODS = frozenset(
    {"get", "set", "add", "delete", "get_many", "set_many", "delete_many", "has_key"}
)
MEMORY_ENTRIES = 2000


def retry_seconds():
    return getattr(settings, "REDIS_RETRY_SECONDS", 5)


def memory_timeout(timeout):
    """At most FRAGMENT_CACHE_SECONDS, whatever the caller asked for."""
    bound = settings.FRAGMENT_CACHE_SECONDS
    if timeout is DEFAULT_TIMEOUT or timeout is None:
        return bound
    return min(timeout, bound)


def answer_from_memory(memory, name, arguments):
    """The call `name` (DefaultClient's arguments, bound by name) answered by `memory`."""
    from .generation import GENERATION_COPY_KEY

    version = arguments.get("version")
    if arguments.get("key") == GENERATION_COPY_KEY:
        # Only Redis, shared by every process, may vouch for the generation.
        return arguments.get("default") if name == "get" else False
    if name == "get":
        return memory.get(arguments["key"], arguments["default"], version=version)
    if name == "set":
        timeout = memory_timeout(arguments["timeout"])
        if arguments.get("nx"):
            return memory.add(arguments["key"], arguments["value"], timeout, version=version)
        memory.set(arguments["key"], arguments["value"], timeout, version=version)
        return True
    if name == "add":
        timeout = memory_timeout(arguments["timeout"])
        return memory.add(arguments["key"], arguments["value"], timeout, version=version)
    if name == "delete":
        return memory.delete(arguments["key"], version=version)
    if name == "get_many":
        return memory.get_many(arguments["keys"], version=version)
    if name == "set_many":
        timeout = memory_timeout(arguments["timeout"])
        return memory.set_many(arguments["data"], timeout, version=version)
    if name == "delete_many":
        return memory.delete_many(arguments["keys"], version=version)
    return memory.has_key(arguments["key"], version=version)


class CircuitBreakerClient(DefaultClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._skip_until = 0.0
        self._open = False
        self.memory = LocMemCache(
            f"redis-breaker-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": MEMORY_ENTRIES}}
        )

    @property
    def is_open(self):
        """Whether Redis is being skipped (calls answered from this process's memory)."""
        return self._open

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
                "Redis cache unreachable (%s); this process answers cache calls from its "
                "memory and tries Redis again every %s s",
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
                self.memory.clear()
                logger.warning("Redis cache reachable again; cache calls go to Redis")


def _guarded(name):
    method = getattr(DefaultClient, name)
    signature = inspect.signature(method)

    def guarded(self, *args, **kwargs):
        if not self._may_call():
            if name in MEMORY_METHODS:
                bound = signature.bind(self, *args, **kwargs)
                bound.apply_defaults()
                return answer_from_memory(self.memory, name, bound.arguments)
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
