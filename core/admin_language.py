"""The admin's `Content-Language` names the language the editor reads, not the browser's.

Wagtail renders admin views in the editor's preferred language (`get_localized_response`),
while LocaleMiddleware labels the response with the request's language: a Russian editor whose
browser asks for Azerbaijani got Russian pages labelled `az`. Placed after LocaleMiddleware, this
sets the header first, and LocaleMiddleware only fills it in when it is missing.
"""

from django.urls import reverse


class AdminContentLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        language = self.editor_language(request)
        if language:
            response.headers["Content-Language"] = language
        return response

    def editor_language(self, request):
        """The preferred admin language of the editor on an admin URL, else None."""
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if not request.path.startswith(self.admin_prefix) or not getattr(
            user, "is_authenticated", False
        ):
            return None
        # Wagtail's admin view has already read the profile: no new query.
        profile = getattr(user, "wagtail_userprofile", None)
        return profile.get_preferred_language() if profile else None
