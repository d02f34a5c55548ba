"""Attachments: PDF, JPEG or PNG by content, 3 at most, 10 MB each, private, officers only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from complaints.models import Complaint, ComplaintAttachment
from complaints.storage import attachment_storage
from tests.complaints.conftest import VALID_ANSWERS, client_for, make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03" + b"\x00" * 64


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def send(client, site, files):
    return client.post(site.url("en"), {**VALID_ANSWERS, "attachments": files})


def test_pdf_jpeg_and_png_are_kept_privately_under_random_names(client, complaint_site):
    files = [
        upload("Medical report of Leyla.pdf", PDF),
        upload("photo.png", PNG, "image/png"),
        upload("scan.jpg", JPEG, "image/jpeg"),
    ]
    assert send(client, complaint_site, files).status_code == 302
    attachments = list(ComplaintAttachment.objects.order_by("pk"))
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png", "image/jpeg"]
    assert attachments[0].original_name == "Medical report of Leyla.pdf"
    private_root = Path(settings.COMPLAINT_ATTACHMENTS_DIR).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    for attachment in attachments:
        path = Path(attachment.file.path).resolve()
        assert path.is_relative_to(private_root)
        assert not path.is_relative_to(media_root)
        assert "Leyla" not in attachment.file.name
        with pytest.raises(ValueError):
            attachment.file.url  # noqa: B018 - a private file has no URL
    # Nor can the media URL reach it.
    assert client.get(settings.MEDIA_URL + attachments[0].file.name).status_code == 404


def stored_files():
    return set(Path(settings.COMPLAINT_ATTACHMENTS_DIR).rglob("*.*"))


def test_a_renamed_executable_is_refused(client, complaint_site):
    before = stored_files()
    response = send(client, complaint_site, [upload("report.pdf", WINDOWS_EXECUTABLE)])
    assert response.status_code == 400
    assert "“report.pdf” is not a PDF, JPEG or PNG file." in response.content.decode()
    assert not Complaint.objects.exists()
    assert stored_files() == before


def test_a_file_over_10_mb_is_refused(client, complaint_site):
    big = upload("big.pdf", PDF + b"\x00" * (10 * 1024 * 1024))
    response = send(client, complaint_site, [big])
    assert response.status_code == 400
    assert "“big.pdf” is larger than 10 MB." in response.content.decode()
    assert not Complaint.objects.exists()


def test_more_than_three_files_are_refused(client, complaint_site):
    files = [upload(f"{index}.pdf", PDF) for index in range(4)]
    response = send(client, complaint_site, files)
    assert response.status_code == 400
    assert "You can attach at most 3 files; you chose 4." in response.content.decode()
    assert not Complaint.objects.exists()


def test_russian_counts_files_with_its_plural_forms(client, complaint_site):
    files = [upload(f"{index}.pdf", PDF) for index in range(4)]
    response = client.post(complaint_site.url("ru"), {**VALID_ANSWERS, "attachments": files})
    assert "Можно приложить не более 3 файлов; вы выбрали 4." in response.content.decode()


@pytest.fixture
def stored_attachment(client, complaint_site):
    send(client, complaint_site, [upload("evidence.pdf", PDF)])
    return ComplaintAttachment.objects.get()


def test_officers_download_attachments_as_logged_downloads(officer_client, stored_attachment):
    response = officer_client.get(reverse("complaints:attachment", args=[stored_attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="evidence.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    entry = ModelLogEntry.objects.get(action="complaints.download_attachment")
    assert entry.user.username == "officer"
    assert entry.data == {"attachment_id": stored_attachment.pk}


def test_nobody_else_downloads_attachments(client, stored_attachment):
    url = reverse("complaints:attachment", args=[stored_attachment.pk])
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    editor = make_user("someone", permissions=[("wagtailadmin", "access_admin")])
    refused = client_for(editor).get(url)
    # Wagtail answers a refusal in the admin with a redirect to its home page and a message.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not ModelLogEntry.objects.filter(action="complaints.download_attachment").exists()


def test_deleting_a_complaint_deletes_its_files(
    stored_attachment, django_capture_on_commit_callbacks
):
    name = stored_attachment.file.name
    assert attachment_storage().exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        stored_attachment.complaint.delete()
    assert not attachment_storage().exists(name)


def test_a_private_folder_inside_public_media_is_refused_by_a_system_check(settings):
    from complaints.checks import attachments_are_private

    assert attachments_are_private(None) == []
    settings.STORAGES = {
        **settings.STORAGES,
        "complaint_attachments": {
            "BACKEND": "complaints.storage.PrivateFileStorage",
            "OPTIONS": {"location": str(Path(settings.MEDIA_ROOT) / "complaints")},
        },
    }
    (error,) = attachments_are_private(None)
    assert error.id == "complaints.E002"
