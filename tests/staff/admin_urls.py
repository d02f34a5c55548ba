"""Every URL of the admin that takes no argument, found by walking the URL configuration."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

# A route with a converter or a regular-expression group needs arguments: not listed.
NEEDS_ARGUMENTS = re.compile(r"[<(\[*+?\\|{]")


def _walk(patterns, prefix, namespace):
    for entry in patterns:
        route = str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from _walk(entry.url_patterns, prefix + route, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield prefix + route, name


def argument_free_urls(under):
    """(path, view name) of every route below `under` (e.g. "/admin/") that needs no argument."""
    found = {}
    for route, name in _walk(get_resolver().url_patterns, "/", ""):
        if route.startswith(under) and not NEEDS_ARGUMENTS.search(route):
            found.setdefault(route, name)
    return sorted(found.items())
