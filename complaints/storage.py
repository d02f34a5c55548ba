"""The private storage of complaint attachments: a folder outside MEDIA_ROOT, with no URL."""

from django.core.files.storage import FileSystemStorage, storages

STORAGE_ALIAS = "complaint_attachments"


class PrivateFileStorage(FileSystemStorage):
    """Files on disk that are never given a URL: only the officers' download view reads them."""

    def url(self, name):
        raise ValueError(
            "Complaint attachments have no public URL; officers download them from the admin."
        )


def attachment_storage():
    """The configured storage (STORAGES['complaint_attachments']); a callable, so that the
    setting is read when files are handled, not when the model is imported."""
    return storages[STORAGE_ALIAS]
