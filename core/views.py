"""Views of the site skeleton that are not Wagtail pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.defaults import server_error as django_server_error

from core.language_switch import preferences_alternates
from core.preferences import (
    Preferences,
    PreferencesForm,
    preferences_from_request,
    safe_return_path,
    set_preferences_cookie,
)


def page_not_found(request, exception=None):
    """A 404 in the visitor's language (LocaleMiddleware has activated it from the URL prefix)."""
    response = TemplateResponse(request, "404.html", {"is_not_found": True}, status=404)
    response.render()
    return response


# How long a visitor (or a crawler, which otherwise drops the page) is asked to wait when the
# database cannot be reached.
DATABASE_DOWN_RETRY_AFTER_SECONDS = 30


def database_is_unreachable(error):
    """A lost or refused database connection (not a bug in a query): worth a retry later."""
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request):
    """500, or 503 with `Retry-After` when the database cannot be reached: the site's own page,
    rendered without the database (no snippets, no menus). Django closes the broken connection
    at the end of the request, so the next request reconnects: no restart is needed."""
    error = sys.exc_info()[1]
    if not database_is_unreachable(error):
        return django_server_error(request)
    # No request context: its processors (settings, user, messages) could touch the database.
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(DATABASE_DOWN_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# The preferences page is never cached and carries the only CSRF token involved: the pages that
# link to it hold no per-visitor data, so a shared page cache can store them (keyed on the
# preference cookie). A dedicated page also keeps the form usable without JavaScript.
@never_cache
@require_http_methods(["GET", "POST"])
def display_preferences(request):
    """Show the text-size and contrast form; on a valid POST set the cookie and go back."""
    return_path = safe_return_path(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "reset":
            return _redirect_with_preferences(request, return_path, Preferences())
        form = PreferencesForm(request.POST)
        if action == "save" and form.is_valid():
            return _redirect_with_preferences(request, return_path, form.preferences())
        if action != "save":
            form.add_error(
                None, _("The form was sent with an unknown action. Choose Save or Reset.")
            )
        status = 400
    else:
        current = preferences_from_request(request)
        form = PreferencesForm(initial={"text_size": current.text_size, "theme": current.theme})
        status = 200
    context = {
        "form": form,
        "return_path": return_path,
        # Switching language here leads back to the visitor's page in the new language.
        "alternates": preferences_alternates(request, return_path),
    }
    return TemplateResponse(request, "core/display_preferences.html", context, status=status)


def _redirect_with_preferences(request, return_path, preferences):
    response = HttpResponseRedirect(return_path)
    set_preferences_cookie(response, request, preferences)
    return response
