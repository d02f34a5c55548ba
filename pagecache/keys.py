"""Cache keys of the page cache, and the generation number that purges every cached page at once.

Every stored page's key includes the current generation. Publishing, unpublishing, moving or
deleting any page (or changing a snippet, image, document or site setting) increments the
generation, so the changed page and every page that lists it (home, news index and its filter
pages, feeds, sitemap) stop being served from cache at once; the old entries simply expire.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language_from_path

from home.preferences import preference_cache_variant

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def fresh_generation():
    """A starting number no earlier key can have used, even if the old one was evicted."""
    return time.time_ns() // 1000


def current_generation():
    """The generation number, started the first time it is asked for."""
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Make every page stored so far unreachable; return the new generation."""
    cache = page_cache()
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        # No generation stored (never asked for, or evicted): start a fresh one.
        generation = fresh_generation()
        cache.set(GENERATION_KEY, generation, timeout=None)
        return generation


def page_cache_key(request, generation):
    """The key of one variant of one URL: host, path with query, language, preferences."""
    full_path = request.get_full_path()
    language = get_language_from_path(request.path_info) or ""
    parts = [
        str(generation),
        request.get_host(),
        full_path,
        language,
        # Normalised: a forged or malformed cookie maps to the default and adds no entries.
        preference_cache_variant(request),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"
