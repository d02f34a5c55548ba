"""Visitor display preferences (text size, high contrast): a cookie read and written by the server.

The preferences are applied on the server, as classes on `<html>`, so the first paint is right
and nothing needs JavaScript. The cookie holds only cosmetic choices from a fixed list; anything
else in it is ignored. A page cache must key on `preference_cache_variant(request)`, so that one
visitor's preferences are never served to another.
"""

import unicodedata
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Percentages of the browser's own default text size.
TEXT_SIZES = ("100", "125", "150", "200")
THEMES = ("default", "contrast")
DEFAULT_TEXT_SIZE = "100"
DEFAULT_THEME = "default"
COOKIE_SEPARATOR = "."
COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60

TEXT_SIZE_CHOICES = [
    ("100", _("Standard (100 %)")),
    ("125", _("Large (125 %)")),
    ("150", _("Larger (150 %)")),
    ("200", _("Largest (200 %)")),
]
THEME_CHOICES = [
    ("default", _("Standard colours")),
    # The high-contrast theme: light text on a black background.
    ("contrast", _("High contrast (light text on black)")),
]


@dataclass(frozen=True)
class Preferences:
    """One visitor's display choices."""

    text_size: str = DEFAULT_TEXT_SIZE
    theme: str = DEFAULT_THEME

    @property
    def is_default(self):
        return self == Preferences()

    @property
    def html_class(self):
        """The classes on `<html>` that the stylesheet turns into the chosen display."""
        return f"text-{self.text_size} theme-{self.theme}"

    @property
    def cookie_value(self):
        return f"{self.text_size}{COOKIE_SEPARATOR}{self.theme}"


def cookie_name():
    return settings.PREFERENCE_COOKIE_NAME


def parse_cookie_value(value):
    """The preferences a cookie value stands for; the defaults when it is missing or malformed."""
    text_size, separator, theme = (value or "").partition(COOKIE_SEPARATOR)
    if separator and text_size in TEXT_SIZES and theme in THEMES:
        return Preferences(text_size=text_size, theme=theme)
    return Preferences()


def preferences_from_request(request):
    return parse_cookie_value(request.COOKIES.get(cookie_name()))


def preference_cache_variant(request):
    """A short, normalised key part for page caches: a forged cookie cannot add cache entries."""
    return preferences_from_request(request).cookie_value


def visitor_preferences(request):
    """Context processor: `visitor_preferences` for `<html class>` and the preferences form."""
    return {"visitor_preferences": preferences_from_request(request)}


def _has_control_characters(text):
    # A newline in a Location header would make Django refuse the response with a 500.
    return any(unicodedata.category(character).startswith("C") for character in text)


def safe_return_path(request, candidate):
    """`candidate` if it is a local path of this site, else the home page of the active language.

    Only paths are accepted: a visitor is never sent to another host, even an allowed one.
    """
    is_local_path = (
        bool(candidate)
        and candidate.startswith("/")
        and not candidate.startswith("//")
        and not _has_control_characters(candidate)
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )
    return candidate if is_local_path else f"/{get_language()}/"


def set_preferences_cookie(response, request, preferences):
    if preferences.is_default:
        response.delete_cookie(cookie_name(), samesite="Lax")
        return
    response.set_cookie(
        cookie_name(),
        preferences.cookie_value,
        max_age=COOKIE_MAX_AGE_SECONDS,
        samesite="Lax",
        secure=request.is_secure(),
        # Only the server reads it: no script needs it.
        httponly=True,
    )


class PreferencesForm(forms.Form):
    """The choices a visitor can make; anything outside the lists is refused with a message."""

    text_size = forms.ChoiceField(
        label=_("Text size"),
        choices=TEXT_SIZE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a text size."),
            "invalid_choice": _("Choose one of the text sizes in the list."),
        },
    )
    theme = forms.ChoiceField(
        label=_("Colours"),
        choices=THEME_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the colours."),
            "invalid_choice": _("Choose one of the colour options in the list."),
        },
    )

    def preferences(self):
        return Preferences(
            text_size=self.cleaned_data["text_size"], theme=self.cleaned_data["theme"]
        )
