"""Attachment checks: how many, how large, and what they are, judged by their first bytes."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

MAX_FILES = 3
MAX_FILE_MEGABYTES = 10
MAX_FILE_BYTES = MAX_FILE_MEGABYTES * 1024 * 1024

# The first bytes of each accepted type; a file's name and the browser's claimed type are not
# trusted (an executable renamed to .pdf starts with "MZ" or "\x7fELF", not "%PDF-").
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def sniff_content_type(upload):
    """The accepted type the file's content starts with, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_attachments(uploads):
    """[(upload, content type)] for valid uploads; a ValidationError listing every problem."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            ngettext(
                "You can attach at most %(count)d file; you chose %(chosen)d.",
                "You can attach at most %(count)d files; you chose %(chosen)d.",
                MAX_FILES,
            )
            % {"count": MAX_FILES, "chosen": len(uploads)},
            code="too_many",
        )
    errors, checked = [], []
    for upload in uploads:
        if upload.size > MAX_FILE_BYTES:
            errors.append(
                ValidationError(
                    _("“%(name)s” is larger than %(size)d MB."),
                    params={"name": upload.name, "size": MAX_FILE_MEGABYTES},
                    code="too_large",
                )
            )
            continue
        content_type = sniff_content_type(upload)
        if content_type is None:
            errors.append(
                ValidationError(
                    _("“%(name)s” is not a PDF, JPEG or PNG file."),
                    params={"name": upload.name},
                    code="wrong_type",
                )
            )
            continue
        checked.append((upload, content_type))
    if errors:
        raise ValidationError(errors)
    return checked
