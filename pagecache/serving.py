"""Whether this request is the public site served through the page-cache middleware.

Set by the middleware for GET/HEAD outside the admin; shortcuts that may skip a check on the
public serving path only (core/visibility.py) ask `is_serving_public_site()`.
"""

import contextlib
import contextvars

_serving_public_site = contextvars.ContextVar("serving_public_site", default=False)


@contextlib.contextmanager
def serving_public_site():
    """Within this block (one public request), public-path shortcuts may apply."""
    token = _serving_public_site.set(True)
    try:
        yield
    finally:
        _serving_public_site.reset(token)


def is_serving_public_site():
    return _serving_public_site.get()
