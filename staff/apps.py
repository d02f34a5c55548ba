"""Staff accounts app: connects the sign-in log to Django's authentication signals."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff accounts")

    def ready(self):
        from staff import auth_log  # noqa: F401  (connects the signal receivers)
