"""Storing a complaint: number, case, files and pending e-mails in one transaction; the e-mails
are queued only once it is committed."""

import logging
import time

from django.db import OperationalError, transaction
from django.utils import timezone

from complaints.delivery import officer_addresses
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintMessage,
    MessageKind,
)
from complaints.models.attachments import ORIGINAL_NAME_MAX_LENGTH
from complaints.models.cases import ANSWER_FIELDS
from complaints.models.references import allocate_number, format_reference
from complaints.tasks import enqueue_delivery

logger = logging.getLogger(__name__)


# SQLite lets one writer in at a time and refuses the others at once ("database table is
# locked") where PostgreSQL makes them wait: the whole save is tried again, a few times.
LOCKED_ATTEMPTS = 10
LOCKED_PAUSE_SECONDS = 0.1


def create_complaint(cleaned_data, language, now=None):
    """Save the complaint of a valid form; return it. Files written by a failed save are removed."""
    now = now or timezone.now()
    for attempt in range(LOCKED_ATTEMPTS):
        try:
            return _create_once(cleaned_data, language, now)
        except OperationalError as error:
            retryable = "locked" in str(error) and not transaction.get_connection().in_atomic_block
            if not retryable or attempt == LOCKED_ATTEMPTS - 1:
                raise
            time.sleep(LOCKED_PAUSE_SECONDS * (attempt + 1))


def _create_once(cleaned_data, language, now):
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
        **{name: cleaned_data.get(name) or "" for name in ANSWER_FIELDS},
    )


def message_kinds():
    """The acknowledgement always; the officers' notification when their address is set."""
    kinds = [MessageKind.ACKNOWLEDGEMENT]
    if officer_addresses():
        kinds.append(MessageKind.OFFICER_NOTIFICATION)
    return kinds
