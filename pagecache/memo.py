"""Memoising site furniture (snippets, menus, breadcrumbs, locales) per language and generation.

The same snippets and menus are looked up on every page; their values only change when an editor
saves a snippet or publishes a page, which starts a new content generation (generation.py).
Results are kept under the function, its arguments, the active language and the generation:
each process keeps them in memory, and the shared cache hands them to the other processes.
Every answer is also kept for `FRAGMENT_CACHE_SECONDS` at most (60 s), in memory and in the
shared cache, so that a change no purge announced (a lost purge, a change made outside the
site's code) shows within that bound anyway. This is independent of the full-page cache
(`PAGE_CACHE_ENABLED`): a page that is not served from the page cache (a first visit, a search,
a switched-off page cache) is still built without re-reading the menus.
`FRAGMENT_CACHE_ENABLED = False` recomputes everything. With the database cache (production
without Redis) answers stay in each process: sharing one would cost a query to read and a
write transaction to keep, more than most answers cost to compute.

Rewarming after a publish: a new generation makes every answer unreachable at once, so the
first render of each page after a publish would compute all of its furniture again (several
times the cost of a render with the memo warm), in every process at the same moment. Instead,
the process that committed the change recomputes, in a background thread, the answers it held
(each function with the same arguments, language and serving context, model arguments read
afresh from the database, never the old instances) under the new generation, within
`MEMO_REWARM_SECONDS`; they go into its own memory and, with Redis, into the shared cache,
where every other process finds them. The answers are computed from the committed data, exactly
as a visitor's request would compute them, so nothing stale is kept. With the database cache
(production without Redis), where a copy of each answer would cost a query to read, the rewarm
shares what it computed as one entry per kind (`share_bundles`, at most `BUNDLE_LIMIT`
answers): every other process reads it in one query at its first miss of the new generation
(looking again at most once a second while there is none yet) instead of computing its
furniture again.
"""

import contextlib
import contextvars
import functools
import hashlib
import logging
import pickle
import threading
import time
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import translation
from django.utils.translation import get_language

from .generation import (
    bump_now,
    cache_holds_copies,
    current_generations,
    page_cache,
    publish_generation,
)
from .serving import is_serving_public_site, serving_public_site

logger = logging.getLogger(__name__)

NOT_CACHED = object()
# At most this many answers are kept in a process; past it the oldest generation's go first.
LOCAL_LIMIT = 5000
# With the database cache: at most this many answers in the one entry a rewarm shares, and how
# long a process waits before it looks for a bundle again when there was none.
BUNDLE_LIMIT = 2000
BUNDLE_RETRY_SECONDS = 1.0

_request_generation = contextvars.ContextVar("pagecache_request_generation", default=None)


@contextlib.contextmanager
def generation_for_request(generations):
    """Use `generations` (generation.Generations, or None: read them at each lookup) for every
    memo lookup of one request: one cache read, not one per tag."""
    token = _request_generation.set(generations)
    try:
        yield
    finally:
        _request_generation.reset(token)


def request_generations():
    return _request_generation.get() or current_generations()


def generation():
    """The content generation: any change that can show on a public page starts a new one."""
    numbers = request_generations()
    return None if numbers is None else numbers.number


def visibility_generation():
    """The generation of the last change to who may see what, or where (sites, locales, view
    restrictions, pages unpublished, moved or deleted); a publish of content keeps it."""
    numbers = request_generations()
    return None if numbers is None else numbers.visible_from


def memo_seconds():
    return settings.FRAGMENT_CACHE_SECONDS


class Recipe(NamedTuple):
    """How an answer was computed: enough to compute it again under a new generation."""

    memoised: object
    args: tuple
    language: str | None
    serving_public_site: bool


class LocalAnswers:
    """This process's answers of the newest generation it has seen, each for a bounded time,
    with the recipes that computed them (for rewarming after a publish)."""

    def __init__(self, kind):
        self.kind = kind
        self.lock = threading.Lock()
        self.generation = None
        self.answers = {}  # key -> (monotonic time it expires, value)
        self.recipes = {}  # key -> Recipe, in the order the answers were first computed
        self.bundle_tried = (None, 0.0)  # (generation, monotonic time) of the last bundle read

    def get(self, generation, key):
        if generation != self.generation:
            return NOT_CACHED
        expires, value = self.answers.get(key, (0.0, NOT_CACHED))
        if time.monotonic() >= expires:
            return NOT_CACHED
        return value

    def set(self, generation, key, value, seconds=None, recipe=None):
        seconds = memo_seconds() if seconds is None else seconds
        with self.lock:
            if generation != self.generation:
                if self.generation is not None and generation < self.generation:
                    return  # a request that began before a purge: keep the newer answers
                self.generation, self.answers, self.recipes = generation, {}, {}
            if len(self.answers) >= LOCAL_LIMIT:
                self.answers.clear()
                self.recipes.clear()
            self.answers[key] = (time.monotonic() + seconds, value)
            if recipe is not None:
                self.recipes.setdefault(key, recipe)

    def held_recipes(self):
        with self.lock:
            return list(self.recipes.values())

    def clear(self):
        """Forget every answer; return the recipes of the answers forgotten."""
        with self.lock:
            recipes = list(self.recipes.values())
            self.generation, self.answers, self.recipes = None, {}, {}
            self.bundle_tried = (None, 0.0)
        return recipes

    def snapshot(self, generation, limit):
        """{key: (wall-clock time it expires, value, recipe)} of at most `limit` live answers of
        `generation`, those computed first first."""
        with self.lock:
            if generation != self.generation:
                return {}
            monotonic, wall = time.monotonic(), time.time()
            live = [
                (key, expires, value, self.recipes.get(key))
                for key, (expires, value) in self.answers.items()
                if expires > monotonic
            ]
        return {
            key: (wall + expires - monotonic, value, recipe)
            for key, expires, value, recipe in live[:limit]
        }

    def known_bundle_generation(self):
        """The generation whose bundle this process has read or looked for (-1: none)."""
        known = self.bundle_tried[0]
        return -1 if known is None else known

    def take_bundle(self, generation, bundle):
        """A bundle of `generation` read along with the page (dbcache.get_beside), or None
        when there was none (looked for again as `load_bundle` says)."""
        with self.lock:
            if self.bundle_tried[0] == generation:
                return
            self.bundle_tried = (generation, None if bundle else time.monotonic())
        if bundle:
            self.load(generation, bundle)

    def load(self, generation, bundle):
        wall = time.time()
        # With its recipe: this process rewarms the answer too when it is the one publishing.
        for key, (expires, value, recipe) in bundle.items():
            if expires > wall:
                self.set(generation, key, value, seconds=expires - wall, recipe=recipe)

    def load_bundle(self, generation):
        """Take the answers another process rewarmed for `generation` and shared as one entry
        (`share_bundles`): one cache read, tried once a generation and again at most every
        BUNDLE_RETRY_SECONDS while there is none; True when it brought answers."""
        now = time.monotonic()
        with self.lock:
            tried_generation, tried_at = self.bundle_tried
            if tried_generation == generation and (
                tried_at is None or now - tried_at < BUNDLE_RETRY_SECONDS
            ):
                return False
            self.bundle_tried = (generation, now)
        try:
            bundle = page_cache().get(bundle_key(self.kind, generation))
        except Exception:  # noqa: BLE001 - the database cache while the database is down
            bundle = None
        if not bundle:
            return False
        with self.lock:
            self.bundle_tried = (generation, None)  # found: never read again this generation
        self.load(generation, bundle)
        return True


local_answers = LocalAnswers("memo")
# Answers that depend only on who may see what, or where: kept across publishes of content.
local_visibility_answers = LocalAnswers("visibility")


class Unkept:
    """What a memoised function returns for an answer not worth keeping (`value` is returned)."""

    def __init__(self, value):
        self.value = value


def argument_key(argument):
    """Models by label, model instances by label and primary key, other values by repr."""
    meta = getattr(argument, "_meta", None)
    if meta is None:
        return repr(argument)
    if isinstance(argument, type):
        return meta.label_lower
    return f"{meta.label_lower}:{argument.pk}"


def memo_key(function, args):
    parts = [function.__module__, function.__qualname__, get_language() or ""]
    parts += [argument_key(argument) for argument in args]
    return "\x1f".join(parts)


def shared_key(key, generation, kind="memo"):
    digest = hashlib.sha256(f"{generation}\x1f{key}".encode()).hexdigest()
    return f"pagecache:{kind}:{digest}"


def bundle_key(kind, generation):
    return f"pagecache:bundle:{kind}:{generation}"


def per_language_and_generation(function):
    """Cache `function(*args)` per active language and content generation (args: models or
    values with a stable repr). Answers must be picklable and must not be mutated; an answer
    wrapped in `Unkept` is returned as it is and not kept."""
    return memoiser(function, generation, local_answers, "memo")


def per_language_and_visibility(function):
    """As `per_language_and_generation`, but kept until the next change to who may see what,
    or where (`visibility_generation`): for answers read only from sites, locales and view
    restrictions, which a publish of content cannot change. Every change to those models starts
    a new visibility generation in its own transaction (purge.py)."""
    return memoiser(function, visibility_generation, local_visibility_answers, "visibility")


def memoiser(function, which_generation, answers, kind):
    @functools.wraps(function)
    def memoised(*args):
        if not settings.FRAGMENT_CACHE_ENABLED:
            return function(*args)
        current = which_generation()
        if current is None:  # neither cache nor database answers: nothing can be vouched for
            value = function(*args)
            return value.value if isinstance(value, Unkept) else value
        key = memo_key(function, args)
        value = answers.get(current, key)
        if value is not NOT_CACHED:
            return value
        # Shared answers carry the wall-clock time they expire, so that a process taking one
        # keeps it no longer than the one that computed it would have.
        shares = cache_holds_copies()
        if not shares and answers.load_bundle(current):
            value = answers.get(current, key)
            if value is not NOT_CACHED:
                return value
        shared = page_cache().get(shared_key(key, current, kind)) if shares else None
        if shared is not None and shared[0] - time.time() > 0:
            expires, value = shared
            recipe = Recipe(memoised, args, get_language(), is_serving_public_site())
            answers.set(current, key, value, seconds=expires - time.time(), recipe=recipe)
            return value
        value = function(*args)
        if isinstance(value, Unkept):
            return value.value
        keep(current, key, args, value, shares)
        return value

    def keep(current, key, args, value, shares):
        seconds = memo_seconds()
        if shares:
            page_cache().set(
                shared_key(key, current, kind), (time.time() + seconds, value), timeout=seconds
            )
        recipe = Recipe(memoised, args, get_language(), is_serving_public_site())
        answers.set(current, key, value, seconds=seconds, recipe=recipe)

    def held(*args):
        """Whether the answer for `args` is at hand without computing it: in this process, or
        in the shared cache (where the call will take it from). A model argument may be a
        `StandIn` of the instance."""
        current = which_generation()
        if not settings.FRAGMENT_CACHE_ENABLED or current is None:
            return False
        key = memo_key(function, args)
        if answers.get(current, key) is not NOT_CACHED:
            return True
        if not cache_holds_copies():
            return False
        shared = page_cache().get(shared_key(key, current, kind))
        return shared is not None and shared[0] - time.time() > 0

    def seed(args, value):
        """Keep `value` as the answer for `args`, as if `function(*args)` had just computed
        it (for a caller that read it along with something else, from the same database)."""
        current = which_generation()
        if settings.FRAGMENT_CACHE_ENABLED and current is not None:
            keep(current, memo_key(function, args), args, value, cache_holds_copies())

    memoised.answers = answers
    memoised.held = held
    memoised.seed = seed
    return memoised


class StandIn:
    """What a memo key needs of a model instance not read yet: its model's meta, its pk."""

    def __init__(self, model, pk):
        self._meta = model._meta
        self.pk = pk


def fresh_arguments(args, fetched):
    """`args` with every model instance read again from the database (`fetched` memoises them
    for one rewarm); None when one of them is gone."""
    fresh = []
    for argument in args:
        meta = getattr(argument, "_meta", None)
        if meta is None or isinstance(argument, type):
            fresh.append(argument)
            continue
        model = type(argument)
        identity = (meta.label_lower, argument.pk)
        if identity not in fetched:
            fetched[identity] = model._base_manager.filter(pk=argument.pk).first()
        if fetched[identity] is None:
            return None
        fresh.append(fetched[identity])
    return tuple(fresh)


def rewarm(recipes, seconds):
    """Compute the answers of `recipes` again under the current generation, for `seconds` at
    most, in recipe order; return how many were computed. Stops at the first database error."""
    deadline = time.monotonic() + seconds
    numbers = current_generations()
    if numbers is None or not settings.FRAGMENT_CACHE_ENABLED:
        return 0
    computed, fetched = 0, {}
    with generation_for_request(numbers):
        for recipe in recipes:
            if time.monotonic() >= deadline:
                break
            context = serving_public_site if recipe.serving_public_site else contextlib.nullcontext
            try:
                with translation.override(recipe.language), context():
                    args = fresh_arguments(recipe.args, fetched)
                    if args is not None:
                        recipe.memoised(*args)
                        computed += 1
            except DatabaseError:
                logger.warning("Rewarming the memo stopped: the database did not answer")
                break
            except Exception:
                logger.exception("Rewarming %r failed; its answer is computed on demand", recipe)
    rewarmed = {getattr(recipe.memoised, "answers", local_answers) for recipe in recipes}
    share_bundles(numbers, rewarmed)
    return computed


def share_bundles(numbers, which):
    """With the database cache, which keeps no copy of each answer (a read would cost a query
    each): the answers of `which` (LocalAnswers) held for the generations `numbers`, as one
    entry per kind, which every other process reads in one query at its first miss of the
    generation (`LocalAnswers.load_bundle`). With Redis each answer is shared already."""
    if cache_holds_copies():
        return
    for answers in which:
        number = numbers.visible_from if answers.kind == "visibility" else numbers.number
        bundle = answers.snapshot(number, BUNDLE_LIMIT)
        if not bundle:
            continue
        try:
            try:
                page_cache().set(bundle_key(answers.kind, number), bundle, timeout=memo_seconds())
            except (pickle.PicklingError, AttributeError, TypeError):
                # A recipe that cannot be pickled (a function not reachable by its name): the
                # answers go without recipes.
                bundle = {key: (held[0], held[1], None) for key, held in bundle.items()}
                page_cache().set(bundle_key(answers.kind, number), bundle, timeout=memo_seconds())
        except DatabaseError:
            logger.warning("Sharing the rewarmed memo failed: the database did not answer")


def rewarm_in_background(recipes):
    """Rewarm in a daemon thread (its own database connection, closed at the end)."""
    seconds = settings.MEMO_REWARM_SECONDS
    if not recipes or seconds <= 0:
        return None

    def run():
        try:
            rewarm(recipes, seconds)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=run, name="memo-rewarm", daemon=True)
    thread.start()
    return thread


def bump_generation(visibility=True):
    """Start a new generation at once (outside a transaction: a command, a test, a benchmark),
    and forget this process's memoised answers; `visibility=False`: as a publish of content
    does, which keeps the answers about who may see what (`per_language_and_visibility`)."""
    number = bump_now(visibility=visibility)
    publish_generation()
    local_answers.clear()
    if visibility:
        local_visibility_answers.clear()
    return number
