"""Tags for the site skeleton: hotline, language switcher, hreflang and untranslated content."""

from django import template
from django.utils.html import format_html
from wagtail.images.models import ResponsiveImage

from core.content_language import active_language_code, default_language_code
from core.descriptions import site_description
from core.languages import (
    content_language,
    file_language_label,
    foreign_content_language,
    home_alternates,
    page_alternates,
    untranslated_content,
    view_alternates,
    x_default,
)
from core.site_snippets import hotline_model
from core.untranslated_text import (
    remember_untranslated_strings,
    source_language_of,
    title_language,
)
from pagecache.memo import per_language_and_generation

register = template.Library()


@per_language_and_generation
def localized_snippet(model):
    """The snippet in the active language, else in the default language, else any."""
    queryset = model.objects.select_related("locale")
    # Both languages in one query; any language only where neither has it.
    preferred = [active_language_code(), default_language_code()]
    found = {
        snippet.locale.language_code: snippet
        for snippet in queryset.filter(locale__language_code__in=preferred).order_by("-pk")
    }
    for code in preferred:
        if code in found:
            return found[code]
    return queryset.first()


@register.simple_tag
def get_hotline():
    return localized_snippet(hotline_model())


@register.simple_tag(takes_context=True)
def get_alternates(context):
    """Alternates for the current page, the current view, or the language homes for a 404."""
    if "alternates" in context:
        return context["alternates"]
    request = context.get("request")
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        from core.routing import find_site

        return page_alternates(page, find_site(request) if request is not None else None)
    if context.get("is_not_found"):
        return home_alternates(request)
    if request is None:
        return []
    return view_alternates(request)


@register.simple_tag
def get_x_default(alternates):
    return x_default(alternates)


@register.simple_tag
def get_untranslated_content(page):
    """The source language (code, name) of a page shown untranslated, else None."""
    return untranslated_content(page)


@register.filter(name="foreign_content_language")
def foreign_content_language_filter(page):
    """`lang` for links and cards showing an untranslated page's source-language title."""
    return foreign_content_language(page)


@register.filter(name="content_language")
def content_language_filter(page):
    """The language a page's title and text are in: for `lang` on links to untranslated pages."""
    return content_language(page)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` on the site's configured address (Wagtail's Site: `https://host`), never on the
    Host header or port of the request, which a visitor chooses (and the page cache folds
    together); a URL that already names its host is kept."""
    if "://" in url:
        return url
    from django.conf import settings

    from core.routing import find_site

    request = context.get("request")
    site = find_site(request) if request is not None else None
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return root + url


@register.simple_tag(takes_context=True)
def lang_if_untranslated(context, text, of=None):
    """` lang="az"` where the page (or the listed page `of`) shows `text` untranslated in its
    source language, else ""."""
    language = source_language_of(of if of is not None else context.get("page"), text)
    return format_html(' lang="{}"', language) if language else ""


@register.filter(name="with_untranslated_text")
def with_untranslated_text_filter(pages):
    """The listed pages, their untranslated strings found in one query for the whole list."""
    return remember_untranslated_strings(list(pages or []))


@register.filter(name="width_srcset")
def width_srcset_filter(responsive_image):
    """`url 480w, url 960w` of a `srcset_image … as name` result, for `srcset` attributes."""
    return ResponsiveImage.get_width_srcset(responsive_image.renditions)


@register.filter(name="title_language")
def title_language_filter(page):
    """`lang` for a link or card title in another language than the visitor's: the page is not
    translated yet, or its translator left the title in the source language."""
    return title_language(page)


@register.filter(name="file_language_label")
def file_language_label_filter(language_code):
    """ "in English" said in the page's language, for a document's language."""
    return file_language_label(language_code)


@register.simple_tag
def meta_description(page):
    """The description of `page`, or of the whole site on a view that is not a page."""
    description = getattr(page, "meta_description", "")
    return description or site_description()
