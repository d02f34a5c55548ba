"""Forms of the two-factor screens: a code from the authenticator app, or a recovery code."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from staff.devices import normalise_code


class AuthenticatorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        help_text=_("Open the authenticator app on your phone and type the code it shows now."),
        max_length=20,
        error_messages={"required": _("Enter the six-digit code from your authenticator app.")},
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(
                _("The code is six digits, for example 123456. Type only the digits.")
            )
        return code


class RecoveryCodeForm(forms.Form):
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("One of the recovery codes you saved when you set up two-step verification."),
        max_length=40,
        error_messages={"required": _("Enter one of your recovery codes.")},
    )

    def clean_recovery_code(self):
        code = normalise_code(self.cleaned_data["recovery_code"])
        if not re.fullmatch(r"[a-z2-7]{8,16}", code):
            raise forms.ValidationError(
                _("A recovery code is a group of letters and digits, for example abcd2345.")
            )
        return code
