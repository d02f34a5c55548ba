"""Sending a complaint's e-mails: once each, retried with a back-off while the mail server fails.

A message row is written with its complaint, in the same transaction; sending starts after the
commit (a django-tasks task) and, whatever happens, the row says where it stands: pending (with
the attempts made, the last error's class and SMTP code, never its text, which can quote an
address), sent, or failed after the last attempt. `send_due_messages` (the
`send_complaint_messages` command, run every minute in production) sends what is due again.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from complaints.models import ComplaintMessage, ComplaintPage, MessageKind, MessageStatus

logger = logging.getLogger(__name__)

# Minutes to wait after the 1st, 2nd, … failed attempt; after the last one the message is failed.
RETRY_BACKOFF_MINUTES = (1, 5, 15, 60, 180, 720, 1440)


def describe_error(error):
    """What may be kept of a sending error: its class and SMTP code, no text."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__}{f' {code}' if code else ''}"[:120]


def deliver(message_id, now=None):
    """Send one pending message; return its status afterwards ("skipped" if not pending)."""
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            ComplaintMessage.objects.select_for_update()
            .select_related("complaint")
            .filter(pk=message_id, status=MessageStatus.PENDING)
            .first()
        )
        if message is None:
            return "skipped"
        message.attempts += 1
        try:
            build_email(message).send()
        except Exception as error:  # SMTP, DNS, TLS, timeouts: all wait for the next attempt
            record_failure(message, error, now)
        else:
            message.status = MessageStatus.SENT
            message.sent_at = now
            message.last_error = ""
        message.save(
            update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"]
        )
        return message.status


def record_failure(message, error, now):
    message.last_error = describe_error(error)
    if message.attempts > len(RETRY_BACKOFF_MINUTES):
        message.status = MessageStatus.FAILED
    else:
        wait = RETRY_BACKOFF_MINUTES[message.attempts - 1]
        message.next_attempt_at = now + timedelta(minutes=wait)
    logger.warning(
        "Complaint %s: the %s was not sent (attempt %d: %s).",
        message.complaint.reference,
        message.kind,
        message.attempts,
        message.last_error,
    )


def due_message_ids(now=None):
    now = now or timezone.now()
    return list(
        ComplaintMessage.objects.filter(status=MessageStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )


def send_due_messages(now=None):
    """Send every pending message whose back-off has passed; {status: count}."""
    counts = {}
    for message_id in due_message_ids(now):
        status = deliver(message_id, now)
        counts[status] = counts.get(status, 0) + 1
    return counts


def officer_addresses():
    return [address for address in settings.COMPLAINT_NOTIFY_EMAIL if address]


def build_email(message):
    complaint = message.complaint
    if message.kind == MessageKind.ACKNOWLEDGEMENT:
        language, recipients = complaint.language, [complaint.email]
        template = "complaints/email/acknowledgement"
        context = {"complaint": complaint, "status_url": status_check_url(complaint.language)}
    else:
        # Only the reference and a link: the complaint itself stays in the admin.
        language, recipients = settings.LANGUAGE_CODE, officer_addresses()
        template = "complaints/email/officer_notification"
        context = {"complaint": complaint, "case_url": case_url(complaint)}
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=recipients)


def status_check_url(language):
    page = ComplaintPage.objects.live().public().filter(locale__language_code=language).first()
    if page is None:
        return ""
    return page.get_full_url() + page.reverse_subpage("check")


def case_url(complaint):
    try:
        path = reverse("complaints:edit", args=[complaint.pk])
    except NoReverseMatch:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
