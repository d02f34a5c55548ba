"""The sign-in log: every sign-in, sign-out and failed sign-in, on the `staff.auth` logger.

The username and the client's address are logged, never a password or any other credential.
"""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from core.client_address import client_ip_address
from staff import middleware

auth_logger = logging.getLogger("staff.auth")


@receiver(user_logged_in, dispatch_uid="staff_log_sign_in")
def log_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        # The session limits count from this sign-in, not from an earlier one in the same browser.
        now = middleware.session_clock()
        request.session[middleware.SESSION_STARTED_KEY] = now
        request.session[middleware.SESSION_LAST_SEEN_KEY] = now
    auth_logger.info("sign-in user=%s ip=%s", user.get_username(), client_ip_address(request))


@receiver(user_logged_out, dispatch_uid="staff_log_sign_out")
def log_sign_out(sender, request, user, **kwargs):
    username = user.get_username() if user is not None else ""
    auth_logger.info("sign-out user=%s ip=%s", username, client_ip_address(request))


@receiver(user_login_failed, dispatch_uid="staff_log_failed_sign_in")
def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    # Only the username is taken from the credentials: the rest may hold a password.
    username = str(credentials.get("username", ""))[:150]
    auth_logger.warning("sign-in failed user=%r ip=%s", username, client_ip_address(request))
