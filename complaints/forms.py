"""The public forms: the complaint itself and the status check (reference number + e-mail)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from complaints.models import cases
from complaints.models.cases import CourtInvolvement
from complaints.uploads import ACCEPT_ATTRIBUTE, check_attachments
from core.models import phone_number_validator

REFERENCE_PATTERN = r"^\d{4}-\d{6}$"
HONEYPOT_FIELD = "website"


class NormalizedCharField(forms.CharField):
    """A CharField whose line breaks count as one character, as the browser's `maxlength`
    counts them; a text at the limit is not refused for the CRLFs the browser sends."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to three files from one `<input type="file" multiple>`."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        for upload in uploads:
            super().clean(upload, initial)
        return check_attachments(uploads) if uploads else []

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": ACCEPT_ATTRIBUTE}


def textarea(rows, **attrs):
    return forms.Textarea(attrs={"rows": rows, **attrs})


class ComplaintForm(forms.Form):
    """A complaint, as the visitor writes it; every field has a maximum length."""

    name = forms.CharField(
        label=_("Your full name"),
        max_length=cases.NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=cases.EMAIL_MAX_LENGTH,
        help_text=_("We send the reference number and our answer to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        required=False,
        max_length=cases.PHONE_MAX_LENGTH,
        validators=[phone_number_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_address = NormalizedCharField(
        label=_("Your postal address"),
        required=False,
        max_length=cases.POSTAL_ADDRESS_MAX_LENGTH,
        widget=textarea(3, autocomplete="street-address"),
    )
    authority = forms.CharField(
        label=_("Who is the complaint about?"),
        max_length=cases.AUTHORITY_MAX_LENGTH,
        help_text=_("A public authority, a municipality or an official."),
    )
    what_happened = NormalizedCharField(
        label=_("What happened?"),
        max_length=cases.WHAT_HAPPENED_MAX_LENGTH,
        help_text=_("Say where it happened and which of your rights was violated."),
        widget=textarea(8),
    )
    when_happened = forms.CharField(
        label=_("When did it happen?"),
        max_length=cases.WHEN_HAPPENED_MAX_LENGTH,
        help_text=_("A date or a period, for example: March 2026."),
    )
    outcome_sought = NormalizedCharField(
        label=_("What outcome are you seeking?"),
        max_length=cases.OUTCOME_SOUGHT_MAX_LENGTH,
        widget=textarea(4),
    )
    court_involvement = forms.ChoiceField(
        label=_("Is a court dealing with this case?"),
        choices=CourtInvolvement.choices,
        widget=forms.RadioSelect,
    )
    attachments = AttachmentsField(
        label=_("Documents"),
        required=False,
        help_text=_("Up to 3 files, 10 MB each: PDF, JPEG or PNG."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Ombudsman's office processes the personal data in this complaint "
            "to examine it."
        ),
        error_messages={"required": _("Without your consent we cannot examine the complaint.")},
    )
    # A trap for robots: hidden from people and their assistive technology, left empty by them.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    PUBLIC_FIELD_NAMES = (
        *cases.ANSWER_FIELDS,
        "attachments",
        "consent",
    )

    def visible_for_people(self):
        return [self[name] for name in self.PUBLIC_FIELD_NAMES]

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def error_fields(self):
        """The fields in error, in form order, for the error summary."""
        return [field for field in self.visible_for_people() if field.errors]


class StatusCheckForm(forms.Form):
    """A reference number and the e-mail address given with the complaint."""

    reference = forms.CharField(
        label=_("Reference number"),
        max_length=11,
        help_text=_("As in the acknowledgement e-mail, for example 2026-000123."),
        validators=[
            RegexValidator(
                REFERENCE_PATTERN,
                _("Write the reference number as four digits, a dash and six digits."),
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=cases.EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def error_fields(self):
        return [field for field in self if field.errors]
