"""Files sent with a complaint, kept in private storage under a random name."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.models.cases import Complaint
from complaints.storage import attachment_storage

ORIGINAL_NAME_MAX_LENGTH = 255


def attachment_path(instance, filename):
    # A random name: the visitor's file name (which may hold personal data) stays in the
    # database, never in a path that could show up in logs or directory listings.
    extension = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
    suffix = extension.get(instance.content_type, "")
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ComplaintAttachment(models.Model):
    """A PDF, JPEG or PNG file (its type checked from its content) sent with a complaint."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=attachment_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=ORIGINAL_NAME_MAX_LENGTH)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.complaint.reference} #{self.pk}"
