"""The officers' case form: status, outcome, assignee and a new internal note."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.models import Complaint, ComplaintNote, Status
from complaints.models.cases import NOTE_MAX_LENGTH

OFFICER_PERMISSION = "view_complaint"


def officers():
    """Users who may be assigned a case: superusers and holders of complaints.view_complaint."""
    granted = Q(groups__permissions__codename=OFFICER_PERMISSION) | Q(
        user_permissions__codename=OFFICER_PERMISSION
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | granted)
        .distinct()
        .order_by("username")
    )


class CaseForm(forms.ModelForm):
    note = forms.CharField(
        label=_("New internal note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen by complaint officers only, never by the complainant."),
    )

    class Meta:
        model = Complaint
        fields = ["status", "outcome", "assignee"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = officers()
        self.fields["outcome"].help_text = _("Required when the case is closed.")
        self.initial_status = self.instance.status
        self.initial_assignee_id = self.instance.assignee_id

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.CLOSED and not cleaned.get("outcome"):
            self.add_error("outcome", _("Choose the outcome of the closed case."))
        if cleaned.get("status") != Status.CLOSED:
            cleaned["outcome"] = ""
        return cleaned

    def save_case(self, user):
        """Save the case; return the log entries to write as (action, data) pairs."""
        from complaints import audit

        complaint = self.instance
        entries = []
        if complaint.status != self.initial_status:
            complaint.closed_at = timezone.now() if complaint.status == Status.CLOSED else None
            entries.append(
                (
                    audit.STATUS_CHANGE,
                    {
                        "old": self.initial_status,
                        "new": complaint.status,
                        "outcome": complaint.outcome,
                    },
                )
            )
        if complaint.assignee_id != self.initial_assignee_id:
            entries.append((audit.ASSIGN, {"assignee_id": complaint.assignee_id}))
        complaint.save()
        if self.cleaned_data.get("note", "").strip():
            note = ComplaintNote.objects.create(
                complaint=complaint, author=user, text=self.cleaned_data["note"].strip()
            )
            entries.append((audit.ADD_NOTE, {"note_id": note.pk}))
        return entries
