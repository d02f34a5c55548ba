"""What an audit visits: targets (URLs with their page identity), viewports and preference variants.

Targets come from Wagtail's page tree (every live page without view restrictions, in every
locale), from the site's views that are not pages (the 404 page and whatever the site's
`AuditSite` adds, see `accessibility/site.py`), from a deployed site's `sitemap.xml`, or from
plain URLs. Preference variants are the site's too.
"""

import re
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from django.utils import translation
from wagtail.coreutils import get_content_languages

from .site import audit_site

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
VIEWPORT_PATTERN = re.compile(r"^\s*(\d{2,5})\s*[x×]\s*(\d{2,5})\s*$")
DEFAULT_VARIANT_NAME = "default"


class TargetError(ValueError):
    """An option naming targets, viewports or variants cannot be understood."""


@dataclass(frozen=True)
class AuditTarget:
    """One URL to audit and what is known of the page behind it."""

    url: str
    locale: str = ""
    page_id: int | None = None
    revision_id: int | None = None
    page_type: str = ""
    identity: str = ""
    expected_status: int = 200

    def absolute_url(self, base_url):
        return urljoin(base_url.rstrip("/") + "/", self.url)

    def page_identity(self):
        return self.identity or f"path:{urlsplit(self.url).path or '/'}"


@dataclass(frozen=True)
class Viewport:
    width: int
    height: int

    @property
    def label(self):
        return f"{self.width}x{self.height}"


@dataclass(frozen=True)
class Variant:
    """A preference variant: the cookies a visitor with these display choices sends."""

    name: str = DEFAULT_VARIANT_NAME
    cookies: tuple = field(default=())


def parse_viewport(text):
    match = VIEWPORT_PATTERN.match(text or "")
    if not match:
        raise TargetError(f"{text!r} is not a viewport; write WIDTHxHEIGHT, e.g. 1280x800.")
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= 4000 and 200 <= height <= 4000):
        raise TargetError(f"{text!r}: width and height must be between 200 and 4000 pixels.")
    return Viewport(width, height)


def parse_variant(name):
    """A variant from a name such as 'theme-contrast' or 'text-200+theme-contrast'."""
    site = audit_site()
    known = {DEFAULT_VARIANT_NAME: {}, **site.variant_choices()}
    choices = {}
    for part in (name or "").split("+"):
        part = part.strip()
        if part not in known:
            raise TargetError(
                f"Unknown preference variant {part!r}; choose from {', '.join(sorted(known))} "
                "(combine with '+')."
            )
        choices.update(known[part])
    if not choices:
        return Variant()
    return Variant(name=name.strip(), cookies=tuple(site.variant_cookies(choices)))


def language_codes(requested=None):
    configured = list(get_content_languages())
    if not requested:
        return configured
    unknown = [code for code in requested if code not in configured]
    if unknown:
        raise TargetError(
            f"Unknown locale(s) {', '.join(unknown)}; this site has {', '.join(configured)}."
        )
    return list(requested)


def page_targets(locales=None, page_types=None, pages=None):
    """Every live page without view restrictions (or only `pages`), in the chosen locales."""
    from wagtail.models import Page

    queryset = Page.objects.live().public().filter(depth__gt=1)
    if pages is not None:
        queryset = queryset.filter(pk__in=[page.pk for page in pages])
    queryset = queryset.filter(locale__language_code__in=language_codes(locales))
    if page_types:
        queryset = queryset.filter(content_type__in=_content_types(page_types))
    targets = []
    for page in queryset.select_related("locale", "content_type").order_by("path", "locale"):
        url_parts = page.get_url_parts()
        if not url_parts:
            continue  # Not under any site's root: no public URL.
        content_type = page.content_type
        targets.append(
            AuditTarget(
                url=url_parts[2],
                locale=page.locale.language_code,
                page_id=page.pk,
                revision_id=page.live_revision_id,
                page_type=f"{content_type.app_label}.{content_type.model_class().__name__}",
                identity=f"page:{page.translation_key}:{page.locale.language_code}",
            )
        )
    return targets


def check_page_types(page_types):
    """The page models named `app_label.ModelName`; TargetError for any other name."""
    from django.apps import apps
    from wagtail.models import Page

    models = []
    for label in page_types:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise TargetError(f"Unknown page type {label!r}; write app_label.ModelName.") from error
        if not issubclass(model, Page):
            raise TargetError(f"{label!r} is not a page type.")
        models.append(model)
    return models


def _content_types(page_types):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_models(*check_page_types(page_types)).values()


def all_pages_of(page):
    """`page` in every locale it is translated into (for auditing one page after publishing)."""
    return list(page.get_translations(inclusive=True).live().public())


def view_targets(locales=None):
    """The site's views that are not pages (`AuditSite.view_urls`: at least the 404 page), in
    each language."""
    site = audit_site()
    targets = []
    for language in language_codes(locales):
        with translation.override(language):
            views = site.view_urls(language)
        for kind, url, expected_status in views:
            targets.append(
                AuditTarget(
                    url=url,
                    locale=language,
                    page_type=kind,
                    identity=f"view:{kind}:{language}",
                    expected_status=expected_status,
                )
            )
    return targets


def url_targets(urls, base_url=""):
    """Plain URLs (absolute, or paths under the base URL); the locale is read from the prefix."""
    languages = set(get_content_languages())
    targets = []
    for url in urls:
        url = url.strip()
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise TargetError(f"{url!r}: only http and https URLs can be audited.")
        if not parts.scheme and not url.startswith("/"):
            raise TargetError(f"{url!r}: give an absolute URL or a path starting with '/'.")
        first_segment = parts.path.strip("/").split("/", 1)[0]
        targets.append(
            AuditTarget(url=url, locale=first_segment if first_segment in languages else "")
        )
    return targets


def sitemap_targets(base_url, locales=None, timeout=30, max_sitemaps=50):
    """The URLs of a deployed site's sitemap.xml (following a sitemap index)."""
    wanted = set(language_codes(locales))
    pending = [urljoin(base_url.rstrip("/") + "/", "sitemap.xml")]
    seen, urls = set(), []
    while pending and len(seen) < max_sitemaps:
        sitemap_url = pending.pop(0)
        if sitemap_url in seen:
            continue
        seen.add(sitemap_url)
        root = _read_sitemap(sitemap_url, timeout)
        for location in root.iter(f"{SITEMAP_NAMESPACE}loc"):
            text = (location.text or "").strip()
            if root.tag == f"{SITEMAP_NAMESPACE}sitemapindex":
                pending.append(text)
            elif text:
                # Paths, audited under the base URL: a site's sitemap may name its public host.
                parts = urlsplit(text)
                urls.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    targets = url_targets(dict.fromkeys(urls))
    return [target for target in targets if not target.locale or target.locale in wanted]


def _read_sitemap(url, timeout):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except OSError as error:
        raise TargetError(f"Cannot read the sitemap {url}: {error}") from error
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise TargetError(f"The sitemap {url} is not well-formed XML: {error}") from error
