"""System checks: attachments stay out of public media; production can send e-mail."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Warning, register

from complaints.storage import STORAGE_ALIAS


def _inside(path, folder):
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


@register()
def attachments_are_private(app_configs, **kwargs):
    config = settings.STORAGES.get(STORAGE_ALIAS)
    if config is None:
        return [
            Error(
                f"STORAGES has no '{STORAGE_ALIAS}' entry.",
                hint="Complaint attachments need a private storage; see the README's settings.",
                id="complaints.E001",
            )
        ]
    location = config.get("OPTIONS", {}).get("location")
    public = [settings.MEDIA_ROOT, settings.STATIC_ROOT]
    if location and any(folder and _inside(location, folder) for folder in public):
        return [
            Error(
                "COMPLAINT_ATTACHMENTS_DIR is inside MEDIA_ROOT or STATIC_ROOT, where files are "
                "served to anyone.",
                hint="Choose a folder outside the public media and static folders.",
                id="complaints.E002",
            )
        ]
    return []


@register(deploy=True)
def mail_is_configured(app_configs, **kwargs):
    warnings = []
    if settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend" and (
        settings.EMAIL_HOST in ("", "localhost") and not settings.EMAIL_HOST_USER
    ):
        warnings.append(
            Warning(
                "No mail server is configured: complaint acknowledgements stay pending.",
                hint="Set EMAIL_URL (or EMAIL_HOST and friends) and DEFAULT_FROM_EMAIL.",
                id="complaints.W001",
            )
        )
    if not settings.COMPLAINT_NOTIFY_EMAIL:
        warnings.append(
            Warning(
                "COMPLAINT_NOTIFY_EMAIL is not set: officers are not told of new complaints.",
                hint="Set it to the complaint officers' address (several: comma-separated).",
                id="complaints.W002",
            )
        )
    return warnings
