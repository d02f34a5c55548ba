"""Retention: closed cases older than COMPLAINT_RETENTION_DAYS are deleted with their files."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from complaints import audit
from complaints.models import Complaint, Status


def expired_cases(days=None, now=None):
    days = settings.COMPLAINT_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Complaint.objects.filter(status=Status.CLOSED, closed_at__lt=cutoff).order_by("pk")


def delete_expired_cases(days=None, now=None):
    """Delete them (files go once each deletion commits); return their reference numbers."""
    deleted = []
    for complaint in expired_cases(days, now):
        with transaction.atomic():
            audit.log(complaint, audit.RETENTION_DELETE, None, days=days)
            reference = complaint.reference
            complaint.delete()
        deleted.append(reference)
    return deleted
