"""Staff accounts signed in the way people sign in: with a password, then the second factor."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from staff import devices

PASSWORD = "Tbilisi-lantern-7-orchard"


def make_user(username, *, superuser=False, groups=(), permissions=()):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    else:
        user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(*groups)
    user.user_permissions.add(*permissions)
    # The admin speaks Azerbaijani unless a user chooses otherwise; these tests read English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def officer_permission():
    """The complaint officers' permission; the complaints app may not exist yet, its permission
    row is made here so that the default STAFF_TWO_FACTOR_REQUIRED_PERMISSIONS is what is tested."""
    content_type, _created = ContentType.objects.get_or_create(
        app_label="complaints", model="complaint"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_complaint",
        defaults={"name": "Can view complaint"},
    )
    return permission


def password_only_client(user, password=PASSWORD):
    """A browser that has signed in with the password and nothing else yet."""
    client = Client()
    assert client.login(username=user.get_username(), password=password)
    return client


def current_code(device):
    """The code an authenticator app would show now for `device`."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def next_time_window(device):
    """As if 30 seconds had passed: a code is accepted once per time window (no replays)."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)


def after_the_wait(user):
    """As if the pause django-otp imposes after a wrong code had passed."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_count=0)


def enrol(user):
    """Give `user` a confirmed authenticator and recovery codes; return (device, codes)."""
    device = devices.pending_authenticator(user)
    codes = devices.confirm_authenticator(user, device, current_code(device))
    assert codes is not None
    device.refresh_from_db()
    next_time_window(device)
    return device, codes


@pytest.fixture
def editors_group(db):
    return Group.objects.get(name="Editors")


@pytest.fixture
def superuser(db):
    return make_user("chief", superuser=True)


@pytest.fixture
def officer(editors_group):
    return make_user("officer", groups=[editors_group], permissions=[officer_permission()])


@pytest.fixture
def editor(editors_group):
    return make_user("editor", groups=[editors_group])
