"""The content generation: the number that retires every cached page and memo at once.

Every stored page (keys.py) and memoised answer (memo.py) is keyed by the current generation;
any change that can show on a public page starts a new one (purge.py), so nothing stored
before is reachable again. The generation of record is one row in the database
(`ContentGeneration`), so that no cache eviction, cull or outage can lose it or count it
backwards, raised in the change's own transaction: it becomes visible exactly when the change
does. The shared cache holds a copy for `GENERATION_COPY_SECONDS` only (5 s):

- after the commit, the purge drops the copy (purge.py), and the next request reads the
  committed number (dropping, not writing: two purges finishing out of order cannot leave the
  older number behind); if the cache cannot take it (Redis down or hung), every process reads
  the row once the old copy expires, so a lost cache write heals within that bound;
- a process that cannot reach the cache reads the row on every request (one cheap query);
- a request that read the row before a purge never overwrites a newer copy (`add`, not `set`);
- with the database cache (production without Redis), no copy is kept: reading it would cost
  the query that reading the row costs, and keeping it a write transaction every few seconds.

Concurrent changes queue on the row's lock for the rest of their transactions (publishing is
rare and short); reading the number never waits.
"""

import contextlib
import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Greatest

from .models import ContentGeneration

logger = logging.getLogger(__name__)

GENERATION_COPY_KEY = "pagecache:generation-copy"
ROW_ID = 1


def page_cache():
    from django.core.cache import caches

    return caches[settings.PAGE_CACHE_ALIAS]


def cache_holds_copies():
    """Whether copies of database answers (the generation, memos) are worth keeping in the
    shared cache: not when it is the database cache itself, where reading a copy is a query as
    dear as reading the answer and keeping one is a write transaction."""
    from django.core.cache.backends.db import DatabaseCache

    return not isinstance(page_cache(), DatabaseCache)


def fresh_generation():
    """A starting number that no key stored before (with an older database) can have used."""
    return time.time_ns() // 1000


class Generations(NamedTuple):
    """The row's two numbers: the content generation, and the generation of the last change
    to who may see what, or where (`visible_from`, see `bump_now`). Named as the row's fields."""

    number: int
    visible_from: int


def generations_of_record():
    """Both numbers in the database, in one query, creating the row the first time."""
    row = ContentGeneration.objects.filter(pk=ROW_ID).values_list("number", "visible_from")
    numbers = row.first()
    if numbers is None:
        try:
            with transaction.atomic():
                number = fresh_generation()
                ContentGeneration.objects.create(pk=ROW_ID, number=number, visible_from=number)
        except IntegrityError:
            pass  # another process created it first
        numbers = row.get()
    return Generations(*numbers)


def generation_of_record():
    """The number in the database, creating the row the first time."""
    return generations_of_record().number


def current_generations():
    """Both generations: the cache's copy, else the database's row; None when neither answers
    (then nothing stored can be vouched for and nothing is read from or written to the cache)."""
    cache = page_cache()
    keeps_copy = settings.GENERATION_COPY_SECONDS > 0 and cache_holds_copies()
    try:
        copy = cache.get(GENERATION_COPY_KEY) if keeps_copy else None
        if isinstance(copy, tuple) and len(copy) == len(Generations._fields):
            return Generations(*copy)
        numbers = generations_of_record()
    except DatabaseError:
        return None  # the database is down (and with it, without Redis, the cache)
    if keeps_copy:
        with contextlib.suppress(DatabaseError):  # the database cache, failing
            copy = tuple(numbers)
            cache.add(GENERATION_COPY_KEY, copy, timeout=settings.GENERATION_COPY_SECONDS)
    return numbers


def generations_and_entry(key, bundle_prefix=None, bundle_known=None):
    """Both generations, the page cache's entry under `key` (None: none stored, or not read
    because the generations could not be) and, when `bundle_prefix` is given, the entry under
    that prefix followed by the content generation, unless the generation is `bundle_known`
    (dbcache.NOT_READ when not read). On the database cache, one statement reads them all (a
    page-cache hit costs that one statement); elsewhere the generations as
    `current_generations` reads them, and the entry from the cache (never the bundle)."""
    from .dbcache import NOT_READ, DatabaseCache

    cache = page_cache()
    if isinstance(cache, DatabaseCache):
        bundle = None if bundle_prefix is None else (bundle_prefix, "number", bundle_known)
        try:
            numbers, entry, other = cache.get_beside(
                key, ContentGeneration, ROW_ID, Generations._fields, keyed_by=bundle
            )
        except DatabaseError:
            return None, None, NOT_READ  # the database is down, and the cache with it
        if numbers is not None:
            return Generations(*numbers), entry, other
    generations = current_generations()
    if generations is None:
        return None, None, NOT_READ
    return generations, cache.get(key), NOT_READ


def current_generation():
    """The content generation (see `current_generations`); None when it cannot be read."""
    numbers = current_generations()
    return None if numbers is None else numbers.number


def next_number():
    """One more than the number, and never less than the clock's: a number that a rolled-back
    transaction used (and a process may have memoised answers under) is never used again."""
    return Greatest(F("number") + 1, Value(fresh_generation()), output_field=BigIntegerField())


def bump_now(visibility=True):
    """Write a new generation to the database in the caller's transaction; return it.
    `visibility`: the change may alter who may see what (anything but a content edit), so no
    page stored before it may be served while the new one renders."""
    updated = ContentGeneration.objects.filter(pk=ROW_ID).update(number=next_number())
    if not updated:
        generation_of_record()
        ContentGeneration.objects.filter(pk=ROW_ID).update(number=next_number())
    if visibility:
        ContentGeneration.objects.filter(pk=ROW_ID).update(visible_from=F("number"))
    number = ContentGeneration.objects.values_list("number", flat=True).get(pk=ROW_ID)
    # Other processes go to the database (they see the new number at commit), not to the copy.
    page_cache().delete(GENERATION_COPY_KEY)
    return number


def visible_from():
    """The oldest generation whose stored pages may still be shown while a newer one renders
    (see `bump_now`), from the database only; None when it cannot be read (then none may)."""
    try:
        return ContentGeneration.objects.filter(pk=ROW_ID).values_list("visible_from", flat=True)[0]
    except (DatabaseError, IndexError):
        return None


def publish_generation():
    """Hand the committed number to every process: drop the cache's copy, so that the next
    request reads the row (best effort: a copy the cache keeps expires by itself)."""
    page_cache().delete(GENERATION_COPY_KEY)
