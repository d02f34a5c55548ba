"""Admin sign-in throttling (django-axes): who the client is, and the lockout page it gets.

After AXES_FAILURE_LIMIT wrong passwords for one username from one address, that pair is refused
(even with the right password) until the cool-off has passed; refused attempts are answered
before any password is hashed, so a guessing client costs the workers almost nothing.
"""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

LOCKOUT_STATUS = 429


def cool_off_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: 429, in the visitor's language, with Retry-After."""
    seconds = cool_off_seconds()
    response = render(
        request,
        "accounts/lockout.html",
        {"cool_off_minutes": max(1, math.ceil(seconds / 60))},
        status=LOCKOUT_STATUS,
    )
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response
