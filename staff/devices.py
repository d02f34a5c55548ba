"""The authenticator (TOTP) and recovery-code devices of a staff member, through django-otp."""

from base64 import b32encode

import django_otp
import segno
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "authenticator"
PENDING_AUTHENTICATOR_NAME = "authenticator (being set up)"
RECOVERY_NAME = "recovery codes"
RECOVERY_CODE_COUNT = 10


def pending_authenticator(user):
    """The unconfirmed authenticator being set up, created on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=PENDING_AUTHENTICATOR_NAME, confirmed=False
        )
    return device


def confirmed_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def readable_secret(device):
    """The secret in base32, in groups of four, for people who type it instead of scanning."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    return segno.make(device.config_url, error="m").png_data_uri(scale=5, border=4)


def normalise_code(value):
    """Codes are read aloud and copied: ignore spaces and dashes, and letter case."""
    return "".join(value.split()).replace("-", "").lower()


@transaction.atomic
def confirm_authenticator(user, device, code):
    """Confirm the pending `device` with a code from it; replace any previous authenticator.

    Returns the new recovery codes, or None when the code is wrong.
    """
    verified = django_otp.verify_token(user, device.persistent_id, normalise_code(code))
    if verified is None:
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.name = AUTHENTICATOR_NAME
    device.save(update_fields=["confirmed", "name"])
    return replace_recovery_codes(user)


@transaction.atomic
def replace_recovery_codes(user):
    """A fresh set of single-use recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(
        device__user=user, device__confirmed=True, device__name=RECOVERY_NAME
    ).count()


def verify_authenticator_code(user, code):
    """The confirmed authenticator that accepts `code`, or None (throttled by django-otp)."""
    device = confirmed_authenticator(user)
    if device is None:
        return None
    return django_otp.verify_token(user, device.persistent_id, normalise_code(code))


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True, name=RECOVERY_NAME).first()


def verify_recovery_code(user, code):
    """The recovery device if `code` is one of the user's unused codes; the code is used up."""
    device = recovery_device(user)
    if device is None:
        return None
    return django_otp.verify_token(user, device.persistent_id, normalise_code(code))


@transaction.atomic
def remove_two_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
