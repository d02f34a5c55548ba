"""The public site's request size limit: a clear 413 page instead of Django's bare 400.

Runs before the CSRF check, which would otherwise be the first to read an oversized body and
answer with an error page that tells the visitor nothing. The admin keeps Django's own limits.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.template.response import TemplateResponse

OVERSIZED_ERRORS = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def request_too_large(request):
    response = TemplateResponse(request, "complaints/request_too_large.html", status=413)
    response["Cache-Control"] = "no-store, private"
    return response.render()


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path_info.startswith("/admin/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.PUBLIC_MAX_REQUEST_BYTES:
                return request_too_large(request)
            try:
                request.POST  # noqa: B018 - parse now, where the error can be answered well
                request.FILES  # noqa: B018
            except OVERSIZED_ERRORS:
                return request_too_large(request)
        return self.get_response(request)
