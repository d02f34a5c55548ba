"""Template tags of the page editor's accessibility status (the checks side panel)."""

from django import template

from accessibility.admin.report import page_status

register = template.Library()


@register.simple_tag
def page_audit_status(page):
    """The page's latest audit status, or None for a page not saved yet."""
    if page is None or not getattr(page, "pk", None):
        return None
    return page_status(page)
