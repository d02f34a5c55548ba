"""The delivery state of each e-mail a complaint sends: pending until sent, retried with a
back-off, its last error kept as a class name and code only (never an address or a text)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.models.cases import Complaint
from complaints.models.message_choices import MessageKind, MessageStatus


class ComplaintMessage(models.Model):
    """One e-mail of a complaint (the acknowledgement, the officers' notification)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("message"), max_length=32, choices=MessageKind.choices)
    status = models.CharField(
        _("delivery"),
        max_length=16,
        choices=MessageStatus.choices,
        default=MessageStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=120, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail message")
        verbose_name_plural = _("e-mail messages")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "kind"], name="complaint_message_once"),
        ]

    def __str__(self):
        return f"{self.complaint.reference}: {self.kind}"
