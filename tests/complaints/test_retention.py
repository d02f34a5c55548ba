"""Retention: old closed cases are deleted with their files, after a dry run."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from complaints.models import Complaint, ComplaintAttachment, Status
from complaints.storage import attachment_storage
from complaints.submission import create_complaint
from tests.complaints.conftest import VALID_ANSWERS

pytestmark = pytest.mark.django_db


def case(closed_days_ago=None, status=Status.CLOSED, with_file=False):
    answers = dict(VALID_ANSWERS)
    if with_file:
        pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", content_type="application/pdf")
        answers["attachments"] = [(pdf, "application/pdf")]
    complaint = create_complaint(answers, "az")
    complaint.status = status
    if closed_days_ago is not None:
        complaint.closed_at = timezone.now() - timedelta(days=closed_days_ago)
    complaint.save()
    return complaint


def test_dry_run_lists_and_keeps_then_the_real_run_deletes_with_files(
    settings, capsys, django_capture_on_commit_callbacks
):
    settings.COMPLAINT_RETENTION_DAYS = 365
    old = case(closed_days_ago=400, with_file=True)
    recent = case(closed_days_ago=100)
    open_but_old = case(status=Status.IN_REVIEW)
    Complaint.objects.filter(pk=open_but_old.pk).update(
        received_at=timezone.now() - timedelta(days=4000)
    )
    file_name = ComplaintAttachment.objects.get(complaint=old).file.name

    call_command("delete_expired_complaints", "--dry-run")
    output = capsys.readouterr().out
    assert f"would delete {old.reference}" in output
    assert recent.reference not in output and open_but_old.reference not in output
    assert Complaint.objects.count() == 3 and attachment_storage().exists(file_name)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_expired_complaints")
    assert f"deleted {old.reference}" in capsys.readouterr().out
    assert set(Complaint.objects.values_list("pk", flat=True)) == {recent.pk, open_but_old.pk}
    assert not attachment_storage().exists(file_name)
    entry = ModelLogEntry.objects.get(action="complaints.retention_delete")
    assert entry.label == old.reference and entry.data == {"days": 365}


def test_days_can_be_given_and_must_make_sense(capsys):
    case(closed_days_ago=40)
    call_command("delete_expired_complaints", "--dry-run", "--days", "30")
    assert "1 closed complaint(s) older than 30 days would be deleted" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("delete_expired_complaints", "--days", "0")
