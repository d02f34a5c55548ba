"""The complaints app: complaint page, cases, attachments, messages and the officers' admin."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from complaints import checks, signals  # noqa: F401 - registers checks and receivers
