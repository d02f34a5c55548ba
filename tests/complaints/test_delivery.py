"""E-mail delivery: committed first, sent after, nothing lost while the mail server is down."""

from datetime import timedelta
from pathlib import Path
from smtplib import SMTPRecipientsRefused

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from complaints.delivery import RETRY_BACKOFF_MINUTES, send_due_messages
from complaints.models import Complaint, ComplaintMessage, MessageKind, MessageStatus
from tests.complaints.conftest import VALID_ANSWERS

pytestmark = pytest.mark.django_db


class FlakyMailServer(EmailBackend):
    """The locmem backend, unless the mail server is "down"."""

    down = False
    error = ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, messages):
        if FlakyMailServer.down:
            raise FlakyMailServer.error
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyMailServer"
    FlakyMailServer.down = True
    FlakyMailServer.error = ConnectionRefusedError(111, "Connection refused")
    yield FlakyMailServer
    FlakyMailServer.down = False


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes, seconds=1)


def test_a_mail_server_that_is_down_loses_nothing_and_the_mail_goes_out_once_it_is_back(
    client, complaint_site, flaky_mail, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(complaint_site.url("az"), VALID_ANSWERS)
    # The visitor gets the thank-you page; the complaint is stored.
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert not mail.outbox
    messages = ComplaintMessage.objects.order_by("kind")
    assert [(m.status, m.attempts, m.last_error) for m in messages] == [
        (MessageStatus.PENDING, 1, "ConnectionRefusedError")
    ] * 2
    assert complaint.acknowledgement_pending
    # No personal data in the log lines of the failure.
    for personal in ("Leyla", "leyla@example.org", "pension"):
        assert personal not in caplog.text

    # Still down at the next due run: another attempt, a longer wait.
    assert send_due_messages(now=later(RETRY_BACKOFF_MINUTES[0])) == {"pending": 2}
    assert set(messages.values_list("attempts", flat=True)) == {2}

    flaky_mail.down = False
    # Before the back-off has passed, nothing is sent.
    assert send_due_messages(now=later(1)) == {}
    assert send_due_messages(now=later(RETRY_BACKOFF_MINUTES[1] + 1)) == {"sent": 2}
    assert sorted(m.to[0] for m in mail.outbox) == ["leyla@example.org", "officers@example.org"]
    assert not Complaint.objects.get().acknowledgement_pending
    # Sent once: a later run sends nothing again.
    assert send_due_messages(now=later(10000)) == {}
    assert len(mail.outbox) == 2


def test_errors_are_kept_without_the_addresses_they_quote(flaky_mail, client, complaint_site):
    flaky_mail.error = SMTPRecipientsRefused({"leyla@example.org": (550, b"No such user")})
    client.post(complaint_site.url("en"), VALID_ANSWERS)
    send_due_messages(now=later(0))
    errors = set(ComplaintMessage.objects.values_list("last_error", flat=True))
    assert errors == {"SMTPRecipientsRefused"}


def test_after_the_last_attempt_a_message_is_failed_and_officers_see_it(
    flaky_mail, client, complaint_site, officer_client
):
    from django.urls import reverse

    client.post(complaint_site.url("en"), VALID_ANSWERS)
    minutes = 0
    for wait in (0, *RETRY_BACKOFF_MINUTES):
        minutes += wait + 1
        send_due_messages(now=later(minutes))
    acknowledgement = ComplaintMessage.objects.get(kind=MessageKind.ACKNOWLEDGEMENT)
    assert acknowledgement.status == MessageStatus.FAILED
    assert acknowledgement.attempts == len(RETRY_BACKOFF_MINUTES) + 1
    complaint = Complaint.objects.get()
    case = officer_client.get(reverse("complaints:edit", args=[complaint.pk])).content.decode()
    assert "Failed: no more attempts" in case
    # An officer sends it again once the mail server works.
    flaky_mail.down = False
    officer_client.post(reverse("complaints:edit", args=[complaint.pk]), {"retry_messages": "1"})
    assert ComplaintMessage.objects.get(kind=MessageKind.ACKNOWLEDGEMENT).status == "sent"


def test_nothing_is_sent_when_the_complaint_is_not_committed(
    client, complaint_site, django_capture_on_commit_callbacks, monkeypatch
):
    from complaints import submission

    def broken_save(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(submission.ComplaintAttachment, "save", broken_save)
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    client.raise_request_exception = True
    folder = Path(settings.COMPLAINT_ATTACHMENTS_DIR)
    files_before = set(folder.rglob("*.*"))
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        client.post(complaint_site.url("en"), {**VALID_ANSWERS, "attachments": [pdf]})
    assert not callbacks
    assert not mail.outbox
    assert not Complaint.objects.exists()
    assert set(folder.rglob("*.*")) == files_before  # the file written before the failure is gone


def test_the_command_sends_what_is_due(flaky_mail, client, complaint_site, capsys):
    client.post(complaint_site.url("en"), VALID_ANSWERS)
    flaky_mail.down = False
    call_command("send_complaint_messages")
    assert "sent: 2" in capsys.readouterr().out
    call_command("send_complaint_messages")
    assert "Nothing to send." in capsys.readouterr().out
