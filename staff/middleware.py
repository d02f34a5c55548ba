"""Admin guards: staff sessions expire when idle or too old, and the second factor is enforced.

Both work in `process_view`, where the URL's name is known, and sit after Django's
AuthenticationMiddleware and django-otp's OTPMiddleware in MIDDLEWARE.
"""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from staff.policy import has_two_factor, is_privileged, session_limits

auth_logger = logging.getLogger("staff.auth")

SESSION_STARTED_KEY = "staff_session_started"
SESSION_LAST_SEEN_KEY = "staff_session_last_seen"

# Pages an unverified session may open: signing in and out, resetting a forgotten password,
# proving the second factor, and the admin's translation catalogue and icons those pages load.
UNVERIFIED_VIEW_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "admin:login",
        "admin:logout",
        "staff_two_factor:verify",
        "staff_two_factor:recover",
    }
)
# Only someone who has no authenticator yet may set one up without verifying first.
SETUP_VIEW_NAME = "staff_two_factor:setup"
# Requests the admin sends by itself while a tab is open; they do not show the person is there.
BACKGROUND_VIEW_NAMES = frozenset({"wagtailadmin_editing_sessions:ping"})


def session_clock():
    """Seconds since the epoch; one place, so that tests can move time forward."""
    return int(time.time())


def is_protected_path(path):
    return any(path.startswith(prefix) for prefix in settings.STAFF_TWO_FACTOR_PROTECTED_PATHS)


def admin_language(user):
    """The language the admin speaks to `user`: their preference, else the request's."""
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.get_preferred_language() if profile else None) or get_language()


def view_name(request):
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


class StaffSessionExpiryMiddleware:
    """Sign out a session idle for too long or older than its absolute limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        now = session_clock()
        session = request.session
        started = session.get(SESSION_STARTED_KEY)
        last_seen = session.get(SESSION_LAST_SEEN_KEY)
        if started is None or last_seen is None:
            session[SESSION_STARTED_KEY] = session[SESSION_LAST_SEEN_KEY] = now
            return None
        limits = session_limits(request.user)
        if now - started >= limits.absolute_seconds:
            return self.expire(request, "absolute")
        if now - last_seen >= limits.idle_seconds:
            return self.expire(request, "idle")
        # Written at most once a minute (or a tenth of the idle limit): a session may expire up
        # to that much early, never late, and the session table is not written on every request.
        refresh_every = max(1, min(60, limits.idle_seconds // 10))
        if now - last_seen >= refresh_every and view_name(request) not in BACKGROUND_VIEW_NAMES:
            session[SESSION_LAST_SEEN_KEY] = now
        return None

    def expire(self, request, reason):
        user = request.user
        auth_logger.info(
            "session expired user=%s reason=%s ip=%s",
            user.get_username(),
            reason,
            request.META.get("REMOTE_ADDR", ""),
        )
        language = admin_language(user)
        logout(request)
        with override(language):
            messages.info(request, _("Your session expired. Please sign in again."))
            if is_protected_path(request.path_info) and request.method not in ("GET", "HEAD"):
                return refusal(request, reverse("wagtailadmin_login"), _("Your session expired."))
        # A page load: the admin's own check sends the now anonymous visitor to sign in.
        return None


class TwoFactorMiddleware:
    """Every admin URL needs a verified second factor from those who must or chose to use one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not is_protected_path(request.path_info):
            # Outside the admin, a session that still owes its second factor is not signed in:
            # pages and documents restricted to signed-in users stay closed to it.
            if has_two_factor(user) or is_privileged(user):
                request.user = AnonymousUser()
            return None
        name = view_name(request)
        if name in UNVERIFIED_VIEW_NAMES:
            return None
        with override(admin_language(user)):
            return self.second_factor_needed(request, user, name)

    def second_factor_needed(self, request, user, name):
        if has_two_factor(user):
            return refusal(
                request,
                reverse("staff_two_factor:verify"),
                _("Two-step verification is needed: enter a code from your authenticator app."),
            )
        if is_privileged(user):
            if name == SETUP_VIEW_NAME:
                return None
            return refusal(
                request,
                reverse("staff_two_factor:setup"),
                _("Your account must use two-step verification: set it up first."),
            )
        return None


def wants_json(request):
    return (
        request.headers.get("x-requested-with") == "XMLHttpRequest"
        or "application/json" in request.headers.get("accept", "")
        or "application/json" in request.headers.get("content-type", "")
    )


def refusal(request, target, reason):
    """A page load goes to `target` and comes back; anything else gets a 403 and nothing more."""
    if request.method in ("GET", "HEAD") and not wants_json(request):
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
    return JsonResponse({"error": str(reason), "location": target}, status=403)
