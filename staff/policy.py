"""Who must use two-factor sign-in, and how long each kind of staff session may last."""

from dataclasses import dataclass

from django.conf import settings
from django_otp import user_has_device


def is_privileged(user):
    """Superusers and holders of a permission listed in STAFF_TWO_FACTOR_REQUIRED_PERMISSIONS."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(name) for name in settings.STAFF_TWO_FACTOR_REQUIRED_PERMISSIONS)


def two_factor_required(user):
    """Privileged users must verify; anyone else who turned it on must verify too."""
    return is_privileged(user) or has_two_factor(user)


def has_two_factor(user):
    return user.is_authenticated and user_has_device(user, confirmed=True)


@dataclass(frozen=True)
class SessionLimits:
    idle_seconds: int
    absolute_seconds: int


def session_limits(user):
    if is_privileged(user):
        return SessionLimits(
            settings.STAFF_SESSION_PRIVILEGED_IDLE_SECONDS,
            settings.STAFF_SESSION_PRIVILEGED_ABSOLUTE_SECONDS,
        )
    return SessionLimits(
        settings.STAFF_SESSION_IDLE_SECONDS, settings.STAFF_SESSION_ABSOLUTE_SECONDS
    )
