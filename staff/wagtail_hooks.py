"""Admin hooks of staff accounts: the two-factor screens and their entry in account settings."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from staff import urls as staff_urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(staff_urls, namespace="staff_two_factor"))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("staff_two_factor:overview"),
        "label": _("Two-step verification"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }
