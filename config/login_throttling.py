"""Admin sign-in throttling (django-axes): who the client is, and the lockout page it gets.

After AXES_FAILURE_LIMIT wrong passwords for one username from one address, that pair is refused
(even with the right password) until the cool-off has passed; refused attempts are answered
before any password is hashed, so a guessing client costs the workers almost nothing.
"""

import ipaddress
import math

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

LOCKOUT_STATUS = 429


def client_ip_address(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies of our own, the
    address the outermost of them saw, read from the right of X-Forwarded-For (each proxy appends
    the address it was contacted from, so what a client writes there itself is to the left)."""
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxy_count and valid_ip(forwarded[-proxy_count]):
            return forwarded[-proxy_count]
    return request.META.get("REMOTE_ADDR")


def valid_ip(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


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
