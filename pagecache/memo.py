"""Memoising site furniture (hotline, footer text, menus) per language and cache generation.

The same snippets are looked up on every page; their values only change when an editor saves a
snippet or publishes a page, which starts a new cache generation (see keys.py). Results are kept
in the cache under the function, its arguments, the active language and the generation, so they
are never stale, and are recomputed when the page cache is switched off.
"""

import functools
import hashlib

from django.conf import settings
from django.utils.translation import get_language

from .keys import current_generation, page_cache

NOT_CACHED = object()


def argument_key(argument):
    """Models by label, model instances by label and primary key, other values by repr."""
    meta = getattr(argument, "_meta", None)
    if meta is None:
        return repr(argument)
    if isinstance(argument, type):
        return meta.label_lower
    return f"{meta.label_lower}:{argument.pk}"


def memo_key(function, args, generation):
    parts = [function.__module__, function.__qualname__, get_language() or "", str(generation)]
    parts += [argument_key(argument) for argument in args]
    return "pagecache:memo:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def per_language_and_generation(function):
    """Cache `function(*args)` per active language and content generation (args: models or
    values with a stable repr)."""

    @functools.wraps(function)
    def memoised(*args):
        if not settings.PAGE_CACHE_ENABLED:
            return function(*args)
        key = memo_key(function, args, current_generation())
        value = page_cache().get(key, NOT_CACHED)
        if value is NOT_CACHED:
            value = function(*args)
            page_cache().set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
        return value

    return memoised
