"""Files follow their rows: deleting an attachment (or its complaint) removes its file once the
deletion is committed, so a rolled-back deletion never loses a file."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from complaints.models import ComplaintAttachment


@receiver(post_delete, sender=ComplaintAttachment, dispatch_uid="complaints_delete_attachment_file")
def delete_attachment_file(sender, instance, **kwargs):
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name), robust=True)
