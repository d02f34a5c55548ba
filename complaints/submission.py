"""Storing a complaint: number, case, files and pending e-mails in one transaction; the e-mails
are queued only once it is committed."""

import logging

from django.db import transaction
from django.utils import timezone

from complaints.delivery import enqueue_delivery, officer_addresses
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintMessage,
    MessageKind,
)
from complaints.models.attachments import ORIGINAL_NAME_MAX_LENGTH
from complaints.models.references import allocate_number, format_reference

logger = logging.getLogger(__name__)

CASE_FIELDS = (
    "name",
    "email",
    "phone",
    "postal_address",
    "authority",
    "what_happened",
    "when_happened",
    "outcome_sought",
    "court_involvement",
)


def create_complaint(cleaned_data, language, now=None):
    """Save the complaint of a valid form; return it. Files written by a failed save are removed."""
    now = now or timezone.now()
    saved_files = []
    try:
        with transaction.atomic():
            complaint = _save_case(cleaned_data, language, now)
            for upload, content_type in cleaned_data.get("attachments") or []:
                attachment = ComplaintAttachment(
                    complaint=complaint,
                    original_name=upload.name[-ORIGINAL_NAME_MAX_LENGTH:],
                    content_type=content_type,
                    size=upload.size,
                )
                attachment.file.save("upload", upload, save=False)
                saved_files.append(attachment.file)
                attachment.save()
            message_ids = [
                ComplaintMessage.objects.create(
                    complaint=complaint, kind=kind, next_attempt_at=now
                ).pk
                for kind in message_kinds()
            ]
            transaction.on_commit(lambda: enqueue_delivery(message_ids), robust=True)
    except BaseException:
        for stored in saved_files:
            stored.storage.delete(stored.name)
        raise
    return complaint


def _save_case(cleaned_data, language, now):
    year = timezone.localtime(now).year
    number = allocate_number(year)
    return Complaint.objects.create(
        reference=format_reference(year, number),
        year=year,
        number=number,
        language=language,
        received_at=now,
        consent_given_at=now,
        **{name: cleaned_data.get(name) or "" for name in CASE_FIELDS},
    )


def message_kinds():
    """The acknowledgement always; the officers' notification when their address is set."""
    kinds = [MessageKind.ACKNOWLEDGEMENT]
    if officer_addresses():
        kinds.append(MessageKind.OFFICER_NOTIFICATION)
    return kinds
