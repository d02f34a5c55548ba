"""The per-user limit on audits a person can start: each audit starts a browser."""

import datetime

from django.conf import settings
from django.utils import timezone

from accessibility.models import AuditRequest


def audits_per_minute():
    return getattr(settings, "ACCESSIBILITY_AUDITS_PER_USER_PER_MINUTE", 5)


def claim_audit(user):
    """Record that `user` asks for an audit; False (nothing recorded) when over the limit."""
    if user is None or not user.is_authenticated:
        return True  # Code and commands are not rate-limited.
    since = timezone.now() - datetime.timedelta(minutes=1)
    AuditRequest.objects.filter(requested_at__lt=since - datetime.timedelta(days=1)).delete()
    if AuditRequest.objects.filter(user=user, requested_at__gte=since).count() >= (
        audits_per_minute()
    ):
        return False
    AuditRequest.objects.create(user=user)
    return True


def claim_audit_for(user_id):
    """`claim_audit` for a user id (None: code or a command, never limited)."""
    from django.contrib.auth import get_user_model

    if user_id is None:
        return True
    user = get_user_model().objects.filter(pk=user_id).first()
    return claim_audit(user) if user is not None else True
