"""The public forms: the complaint itself and the status check (reference number + e-mail)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

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


# Each field says what to do in its own words: the error summary lists these messages alone,
# linked to their fields, so none may be a generic "This field is required." In the "too
# long" messages Django fills in `limit_value` and picks the plural form by it.
EMAIL_ERRORS = {
    "required": _("Enter your e-mail address."),
    "invalid": _("Enter your e-mail address in the form name@example.org."),
    "max_length": ngettext_lazy(
        "Your e-mail address can be at most %(limit_value)d character long.",
        "Your e-mail address can be at most %(limit_value)d characters long.",
        "limit_value",
    ),
}
COURT_ANSWER = _("Choose whether a court is dealing with this case: yes, no or I do not know.")


class ComplaintForm(forms.Form):
    """A complaint, as the visitor writes it; every field has a maximum length."""

    name = forms.CharField(
        label=_("Your full name"),
        max_length=cases.NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your full name."),
            "max_length": ngettext_lazy(
                "Your full name can be at most %(limit_value)d character long.",
                "Your full name can be at most %(limit_value)d characters long.",
                "limit_value",
            ),
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=cases.EMAIL_MAX_LENGTH,
        error_messages=EMAIL_ERRORS,
        help_text=_("We send the reference number and our answer to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        required=False,
        max_length=cases.PHONE_MAX_LENGTH,
        validators=[phone_number_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={
            "max_length": ngettext_lazy(
                "Your phone number can be at most %(limit_value)d character long.",
                "Your phone number can be at most %(limit_value)d characters long.",
                "limit_value",
            ),
        },
    )
    postal_address = NormalizedCharField(
        label=_("Your postal address"),
        required=False,
        max_length=cases.POSTAL_ADDRESS_MAX_LENGTH,
        widget=textarea(3, autocomplete="street-address"),
        error_messages={
            "max_length": ngettext_lazy(
                "Your postal address can be at most %(limit_value)d character long.",
                "Your postal address can be at most %(limit_value)d characters long.",
                "limit_value",
            ),
        },
    )
    authority = forms.CharField(
        label=_("Who is the complaint about?"),
        max_length=cases.AUTHORITY_MAX_LENGTH,
        help_text=_("A public authority, a municipality or an official."),
        error_messages={
            "required": _(
                "Say who the complaint is about: an authority, a municipality or an official."
            ),
            "max_length": ngettext_lazy(
                "Name the authority or official in at most %(limit_value)d character.",
                "Name the authority or official in at most %(limit_value)d characters.",
                "limit_value",
            ),
        },
    )
    what_happened = NormalizedCharField(
        label=_("What happened?"),
        max_length=cases.WHAT_HAPPENED_MAX_LENGTH,
        help_text=_("Say where it happened and which of your rights was violated."),
        widget=textarea(8),
        error_messages={
            "required": _("Describe what happened."),
            "max_length": ngettext_lazy(
                "Your description can be at most %(limit_value)d character long: shorten it, "
                "or attach the full text as a document.",
                "Your description can be at most %(limit_value)d characters long: shorten it, "
                "or attach the full text as a document.",
                "limit_value",
            ),
        },
    )
    when_happened = forms.CharField(
        label=_("When did it happen?"),
        max_length=cases.WHEN_HAPPENED_MAX_LENGTH,
        help_text=_("A date or a period, for example: March 2026."),
        error_messages={
            "required": _("Say when it happened: a date or a period."),
            "max_length": ngettext_lazy(
                "Say when it happened in at most %(limit_value)d character.",
                "Say when it happened in at most %(limit_value)d characters.",
                "limit_value",
            ),
        },
    )
    outcome_sought = NormalizedCharField(
        label=_("What outcome are you seeking?"),
        max_length=cases.OUTCOME_SOUGHT_MAX_LENGTH,
        widget=textarea(4),
        error_messages={
            "required": _("Say what outcome you are seeking."),
            "max_length": ngettext_lazy(
                "Describe the outcome you are seeking in at most %(limit_value)d character.",
                "Describe the outcome you are seeking in at most %(limit_value)d characters.",
                "limit_value",
            ),
        },
    )
    court_involvement = forms.ChoiceField(
        label=_("Is a court dealing with this case?"),
        choices=CourtInvolvement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": COURT_ANSWER, "invalid_choice": COURT_ANSWER},
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
        # Chrome reports an unticked required box as invalid before anything is sent, and
        # screen readers then say "invalid" on a first visit; Django sets "true" on an error.
        widget=forms.CheckboxInput(attrs={"aria-invalid": "false"}),
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
        error_messages={
            "required": _("Enter the reference number from the acknowledgement e-mail."),
            "max_length": _("Write the reference number as four digits, a dash and six digits."),
        },
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
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def error_fields(self):
        return [field for field in self if field.errors]
