"""Cache keys of the page cache: one per host, meaningful URL, language and variant.

Every stored page carries the content generation it was rendered under (generation.py), so a
purge turns every stored page into a miss at once; the old entries are overwritten or expire.
Variations that cannot change a page are folded together, so that a campaign link or a
spelling of the host name does not start a new entry (nor lets a visitor fill the cache):
tracking parameters (`utm_*`, `fbclid`, `gclid`…) are dropped, the host name is lower-cased
without its trailing dot and without the scheme's default port. Pages never show the request's
host (absolute links come from the Wagtail site's configured address), so folding hosts cannot
mix up content.
"""

import functools
import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http.request import split_domain_port
from django.utils.module_loading import import_string
from django.utils.translation import get_language_from_path

from .generation import current_generation, page_cache
from .memo import bump_generation

__all__ = ["bump_generation", "current_generation", "page_cache", "page_cache_key"]

# Query parameters that analytics and mail tools append and no page reads.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "ref_src",
    }
)
DEFAULT_PORTS = {"http": "80", "https": "443"}


def is_tracking_parameter(name):
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def meaningful_query(query_string):
    """The query string without tracking parameters, the others in their original order (the
    string itself when it has none)."""
    if not query_string:
        return ""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not is_tracking_parameter(name)]
    if len(kept) == len(pairs):
        return query_string
    return urlencode(kept)


def normalised_host(request):
    """The Host as every spelling of it is treated alike: `Example.ORG.:443` -> `example.org`."""
    domain, port = split_domain_port(request.get_host())  # lower-cased, trailing dot removed
    if port and port != DEFAULT_PORTS.get(request.scheme):
        return f"{domain}:{port}"
    return domain


@functools.cache
def key_variant_functions():
    """The functions named by `PAGE_CACHE_KEY_VARIANTS`: what a visitor chooses that changes a
    page (the site's display preferences). Read once: settings do not change while serving."""
    return tuple(import_string(path) for path in settings.PAGE_CACHE_KEY_VARIANTS)


def page_cache_key(request):
    """The key of one variant of one URL: host, path with query, language, preferences. The
    generation it was stored under is kept in the entry (middleware.py): a newer generation
    makes it a miss, and the entry can still stand in while one request renders the new one."""
    language = get_language_from_path(request.path_info) or ""
    parts = [
        normalised_host(request),
        request.path,
        meaningful_query(request.META.get("QUERY_STRING", "")),
        language,
        # Each normalised: a forged or malformed cookie maps to the default and adds no entries.
        *(variant(request) for variant in key_variant_functions()),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"
