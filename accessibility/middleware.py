"""The accessibility app's one middleware, for what happens around admin views.

- A publish refused for accessibility errors (`publishing.PublishingRefused`) that a view did
  not handle (workflow approval, wagtail-localize's "Sync translated pages") becomes an error
  message on the page's edit view, not a server error; when the refusal undid the page's
  creation (a new translation), on the view the editor came from.
- Starting a translation ("Translate this page") turns the page's alias copies into translations
  and wagtail-localize publishes them with the content they already showed: nothing changed for
  visitors, so no audit is queued while those views run.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import Page

from accessibility.publishing import PublishingRefused
from accessibility.tasks import suspend_audit_on_publish

# wagtail-localize's "Translate this page" / "Translate this snippet" views.
TRANSLATION_START_VIEWS = {
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:submit_snippet_translation",
}


class AccessibilityAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name not in TRANSLATION_START_VIEWS:
            return None
        try:
            with suspend_audit_on_publish():
                return view_func(request, *view_args, **view_kwargs)
        except PublishingRefused as refusal:
            # Raised here, process_exception would not see it.
            return self.process_exception(request, refusal)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishingRefused):
            return None
        messages.error(request, exception.message)
        page_id = exception.page.pk
        if page_id is not None and Page.objects.filter(pk=page_id).exists():
            next_url = reverse("wagtailadmin_pages:edit", args=[page_id])
        else:
            next_url = request.get_full_path()
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow modals expect this answer and then follow `redirect`.
            return JsonResponse({"step": "success", "redirect": next_url})
        return redirect(next_url)
