"""Links to the same page in another language where the page is not a page of the tree (the
display preferences page leads back to the visitor's page in the language chosen)."""

from urllib.parse import urlencode, urlsplit

from django.urls import translate_url
from django.utils.translation import get_language, get_language_from_path, override
from wagtail.models import Locale, Page

from core.languages import LANGUAGE_NAMES, ordered_alternates
from core.routing import find_site, language_root, locate


def page_at(path, language_code, site):
    """The live page of `language_code`'s tree at `path` (its URL without the prefix), or None."""
    with override(language_code):
        root = language_root(site)
        found = locate(site, path)
    depth = root.depth + len([part for part in path.split("/") if part])
    if found is None or found[2] != depth:
        return None
    return Page.objects.live().filter(pk=found[0]).first()


def path_in_language(path, language_code, request):
    """A local path of this site as a visitor switching to `language_code` expects it.

    A page's translation when it has one (without the query, whose filters name things of the
    other language), else that language's home page; any other view under the new prefix.
    """
    parts = urlsplit(path)
    current = get_language_from_path(parts.path)
    if current is None or current == language_code:
        return path if current else translate_url(path, language_code)
    site = find_site(request)
    page = page_at(parts.path.removeprefix(f"/{current}/"), current, site) if site else None
    if page is None:
        return translate_url(path, language_code)
    translated = page.get_translation_or_none(Locale.objects.get_for_language(language_code))
    if translated is None or not translated.live:
        return f"/{language_code}/"
    return translated.get_url(request) or f"/{language_code}/"


def preferences_alternates(request, return_path):
    """The preferences page in each language, each leading back to the visitor's page in it."""
    urls = {
        code: translate_url(request.path, code)
        + "?"
        + urlencode({"next": path_in_language(return_path, code, request)}, safe="/")
        for code in LANGUAGE_NAMES
    }
    return ordered_alternates(urls, get_language())
