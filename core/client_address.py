"""The client's address, the same for sign-in throttling, the sign-in log and the view counter.

REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies of our own, the address the outermost of them
saw, read from the right of X-Forwarded-For (each proxy appends the address it was contacted
from, so what a client writes there itself is to the left and is never believed).
"""

import ipaddress

from django.conf import settings


def valid_ip(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def client_ip_address(request):
    """The client's address, or "" where there is no request (a sign-in from code)."""
    if request is None:
        return ""
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxy_count and valid_ip(forwarded[-proxy_count]):
            return forwarded[-proxy_count]
    return request.META.get("REMOTE_ADDR", "")
