"""Tags for site navigation: the main menu, breadcrumbs, the footer text and its links."""

from django import template

from core import navigation
from core.routing import find_site
from core.site_snippets import footer_text_model
from core.templatetags.site_tags import localized_snippet

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if page is not None and getattr(page, "pk", None) else None


def _site(context):
    request = context.get("request")
    return find_site(request) if request is not None else None


@register.simple_tag(takes_context=True)
def get_main_menu(context):
    return navigation.main_menu(_site(context), _current_page(context))


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context):
    return navigation.breadcrumbs(_current_page(context), _site(context))


@register.simple_tag
def get_footer_text():
    return localized_snippet(footer_text_model())


@register.simple_tag(takes_context=True)
def resolve_links(context, owner, field_name):
    """The live pages of `owner`'s stream of page links (`field_name`), in the visitor's
    language. Kept until the next publish, except in an editor's preview of unsaved changes."""
    request = context.get("request")
    site = _site(context)
    if getattr(request, "is_preview", False) or owner.pk is None:
        links = navigation.build_page_links(getattr(owner, field_name), site, edited=True)
    else:
        links = navigation.page_links(site, owner, field_name)
    return navigation.mark_current(links, _current_page(context))
