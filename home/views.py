"""Views of the site skeleton that are not Wagtail pages."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.languages import preferences_alternates
from home.preferences import (
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
    return TemplateResponse(request, "home/display_preferences.html", context, status=status)


def _redirect_with_preferences(request, return_path, preferences):
    response = HttpResponseRedirect(return_path)
    set_preferences_cookie(response, request, preferences)
    return response
