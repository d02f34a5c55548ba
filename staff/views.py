"""The two-factor screens of the admin: overview, set-up, verify, recovery code, turn off."""

import logging

import django_otp
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from core.client_address import client_ip_address
from staff import devices
from staff.forms import AuthenticatorCodeForm, RecoveryCodeForm
from staff.policy import has_two_factor, is_privileged

auth_logger = logging.getLogger("staff.auth")


def next_url(request):
    """Where to go after verifying: the admin page asked for, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def mark_verified(request, device, method):
    # A new session key once verified, so that a key seen before verification is worthless.
    request.session.cycle_key()
    django_otp.login(request, device)
    auth_logger.info(
        "two-factor verified user=%s method=%s ip=%s",
        request.user.get_username(),
        method,
        client_ip_address(request),
    )


def log_failure(request, method):
    auth_logger.warning(
        "two-factor failed user=%s method=%s ip=%s",
        request.user.get_username(),
        method,
        client_ip_address(request),
    )


@never_cache
def overview(request):
    context = {
        "enabled": has_two_factor(request.user),
        "required": is_privileged(request.user),
        "recovery_codes_left": devices.remaining_recovery_codes(request.user),
    }
    return render(request, "staff/two_factor_overview.html", context)


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    user = request.user
    if has_two_factor(user) and not user.is_verified():
        # Replacing the authenticator needs the current one: a password alone is not enough.
        return redirect_to_verify(request)
    device = devices.pending_authenticator(user)
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        was_throttled = is_throttled(device)
        codes = devices.confirm_authenticator(user, device, form.cleaned_data["code"])
        if codes is not None:
            device.refresh_from_db()
            mark_verified(request, device, "setup")
            return render(
                request,
                "staff/two_factor_recovery_codes.html",
                {"codes": codes, "just_set_up": True, "next": next_url(request)},
            )
        log_failure(request, "setup")
        form.add_error("code", wrong_code_message(was_throttled))
    context = {
        "form": form,
        "qr_code": devices.qr_code_data_uri(device),
        "secret": devices.readable_secret(device),
        "required": is_privileged(user),
        "next": next_url(request),
    }
    return render(request, "staff/two_factor_setup.html", context, status=form_status(form))


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    if not has_two_factor(request.user):
        return redirect(with_next(reverse("staff_two_factor:setup"), request))
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        was_throttled = is_throttled(devices.confirmed_authenticator(request.user))
        device = devices.verify_authenticator_code(request.user, form.cleaned_data["code"])
        if device is not None:
            mark_verified(request, device, "authenticator")
            return redirect(next_url(request))
        log_failure(request, "authenticator")
        form.add_error("code", wrong_code_message(was_throttled))
    context = {"form": form, "next": next_url(request)}
    return render(request, "staff/two_factor_verify.html", context, status=form_status(form))


@never_cache
@sensitive_post_parameters("recovery_code")
def recover(request):
    if not has_two_factor(request.user):
        return redirect(with_next(reverse("staff_two_factor:setup"), request))
    form = RecoveryCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        was_throttled = is_throttled(devices.recovery_device(request.user))
        device = devices.verify_recovery_code(request.user, form.cleaned_data["recovery_code"])
        if device is not None:
            mark_verified(request, device, "recovery code")
            left = devices.remaining_recovery_codes(request.user)
            messages.warning(
                request,
                _(
                    "You signed in with a recovery code; it cannot be used again. "
                    "Recovery codes left: %(count)s."
                )
                % {"count": left},
            )
            return redirect(next_url(request))
        log_failure(request, "recovery code")
        form.add_error("recovery_code", wrong_recovery_code_message(was_throttled))
    context = {"form": form, "next": next_url(request)}
    return render(request, "staff/two_factor_recover.html", context, status=form_status(form))


@never_cache
def recovery_codes(request):
    """Show how many codes are left; a POST replaces them and shows the new ones once."""
    if not has_two_factor(request.user):
        return redirect("staff_two_factor:setup")
    if request.method == "POST":
        codes = devices.replace_recovery_codes(request.user)
        auth_logger.info("recovery codes replaced user=%s", request.user.get_username())
        context = {"codes": codes, "next": reverse("staff_two_factor:overview")}
        return render(request, "staff/two_factor_recovery_codes.html", context)
    return redirect("staff_two_factor:overview")


@never_cache
@sensitive_post_parameters("code")
def disable(request):
    """Turn two-step verification off: only where it is optional, and with a current code."""
    user = request.user
    if is_privileged(user) or not has_two_factor(user):
        return redirect("staff_two_factor:overview")
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        was_throttled = is_throttled(devices.confirmed_authenticator(user))
        if devices.verify_authenticator_code(user, form.cleaned_data["code"]) is not None:
            devices.remove_two_factor(user)
            auth_logger.info("two-factor turned off user=%s", user.get_username())
            messages.success(request, _("Two-step verification is off for your account."))
            return redirect("staff_two_factor:overview")
        log_failure(request, "turn off")
        form.add_error("code", wrong_code_message(was_throttled))
    return render(
        request, "staff/two_factor_disable.html", {"form": form}, status=form_status(form)
    )


def is_throttled(device):
    """Whether django-otp refuses to check codes for `device` now, after recent wrong ones."""
    return device is not None and not device.verify_is_allowed()[0]


def wrong_code_message(was_throttled):
    if was_throttled:
        return _("Too many wrong codes. Wait a minute, then type the newest code.")
    return _("This code is not right. Type the newest code your authenticator app shows.")


def wrong_recovery_code_message(was_throttled):
    if was_throttled:
        return _("Too many wrong codes. Wait a minute, then try again.")
    return _("This recovery code is wrong or was already used. Check it and try again.")


def form_status(form):
    return 400 if form.is_bound and form.errors else 200


def with_next(url, request):
    return f"{url}?{urlencode({'next': next_url(request)})}"


def redirect_to_verify(request):
    return redirect(with_next(reverse("staff_two_factor:verify"), request))
