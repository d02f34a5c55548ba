"""A complaint as a case: what the complainant wrote, its reference, status, assignee and notes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.models.message_choices import MessageKind, MessageStatus

# Lengths shared by the model and the public form (which enforces them before saving).
NAME_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
PHONE_MAX_LENGTH = 30
POSTAL_ADDRESS_MAX_LENGTH = 500
AUTHORITY_MAX_LENGTH = 300
WHAT_HAPPENED_MAX_LENGTH = 10000
WHEN_HAPPENED_MAX_LENGTH = 200
OUTCOME_SOUGHT_MAX_LENGTH = 3000
NOTE_MAX_LENGTH = 5000


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    """How a closed case ended (stored as a language-neutral value)."""

    RESOLVED = "resolved", _("Resolved: the right was restored")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    NOT_UPHELD = "not_upheld", _("Not upheld: no violation found")
    OUTSIDE_MANDATE = "outside_mandate", _("Outside the Ombudsman's mandate")
    REFERRED = "referred", _("Referred to another body")
    WITHDRAWN = "withdrawn", _("Withdrawn by the complainant")


class CourtInvolvement(models.TextChoices):
    """Whether a court is dealing with the case: the same stored value in every language."""

    NO = "no", _("No")
    YES = "yes", _("Yes")
    UNSURE = "unsure", _("I do not know")


# What the complainant told us: the form's own fields, stored on the case, exported to officers.
ANSWER_FIELDS = (
    "name",
    "email",
    "phone",
    "postal_address",
    "authority",
    "what_happened",
    "when_happened",
    "outcome_sought",
    "court_involvement",
)


class Complaint(models.Model):
    """One complaint. Its `str` is the reference number only, so that Wagtail's log, messages
    and page titles never carry the complainant's personal data."""

    reference = models.CharField(_("reference number"), max_length=16, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number in the year"), editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    outcome = models.CharField(_("outcome"), max_length=32, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX_LENGTH)
    phone = models.CharField(_("phone number"), max_length=PHONE_MAX_LENGTH, blank=True)
    postal_address = models.TextField(
        _("postal address"), max_length=POSTAL_ADDRESS_MAX_LENGTH, blank=True
    )
    authority = models.CharField(_("body complained about"), max_length=AUTHORITY_MAX_LENGTH)
    what_happened = models.TextField(_("what happened"), max_length=WHAT_HAPPENED_MAX_LENGTH)
    when_happened = models.CharField(_("when it happened"), max_length=WHEN_HAPPENED_MAX_LENGTH)
    outcome_sought = models.TextField(_("outcome sought"), max_length=OUTCOME_SOUGHT_MAX_LENGTH)
    court_involvement = models.CharField(
        _("court involvement"), max_length=8, choices=CourtInvolvement.choices
    )
    consent_given_at = models.DateTimeField(_("consent to processing given"))

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="complaint_unique_number"),
        ]

    def __str__(self):
        return self.reference

    @property
    def acknowledgement_pending(self):
        """Whether the complainant has not been sent the acknowledgement (yet)."""
        return any(
            message.kind == MessageKind.ACKNOWLEDGEMENT and message.status != MessageStatus.SENT
            for message in self.messages.all()
        )


class ComplaintNote(models.Model):
    """An officer's internal note on a case; never shown to the complainant."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.complaint.reference} #{self.pk}"
