"""Views of the site skeleton that are not Wagtail pages."""

from django.template.response import TemplateResponse


def page_not_found(request, exception=None):
    """A 404 in the visitor's language (LocaleMiddleware has activated it from the URL prefix)."""
    response = TemplateResponse(request, "404.html", {"is_not_found": True}, status=404)
    response.render()
    return response
