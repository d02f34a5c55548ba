"""Tags for site navigation: the main menu, breadcrumbs, the footer text and its links."""

from django import template
from wagtail.models import Site

from home import navigation
from home.models import FooterText
from home.templatetags.site_tags import localized_snippet

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if page is not None and getattr(page, "pk", None) else None


@register.simple_tag(takes_context=True)
def get_main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return navigation.main_menu(site, _current_page(context))


@register.simple_tag(takes_context=True)
def get_language_home(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return navigation.language_home(site)


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context):
    return navigation.breadcrumbs(_current_page(context))


@register.simple_tag
def get_footer_text():
    return localized_snippet(FooterText)


@register.simple_tag(takes_context=True)
def resolve_links(context, stream_value):
    """The live pages of a stream of page links, in the visitor's language."""
    return navigation.resolve_page_links(stream_value, _current_page(context))
