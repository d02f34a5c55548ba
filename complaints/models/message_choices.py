"""What a complaint e-mail is and where its sending stands (the choices of ComplaintMessage)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the complainant")
    OFFICER_NOTIFICATION = "officer_notification", _("Notification to the officers")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Not sent yet")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed: no more attempts")
