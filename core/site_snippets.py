"""The snippets every page shows (hotline, footer), named by settings: core names no page app."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _snippet_model(setting_name):
    label = getattr(settings, setting_name, "")
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise ImproperlyConfigured(
            f"{setting_name} is {label!r}: set it to the snippet model shown on every page, "
            "as 'app_label.ModelName' of an installed app (for example 'home.Hotline')."
        ) from error


def hotline_model():
    """The call-centre snippet shown in every page's header (`SITE_HOTLINE_MODEL`)."""
    return _snippet_model("SITE_HOTLINE_MODEL")


def footer_text_model():
    """The footer text snippet shown on every page (`SITE_FOOTER_TEXT_MODEL`)."""
    return _snippet_model("SITE_FOOTER_TEXT_MODEL")
