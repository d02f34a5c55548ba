"""Helpers for the front-end browser tests: which pages to visit, viewport and preference cookie."""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings

LANGUAGES = ("az", "en", "ru")
WIDTHS = (1280, 320)
THEMES = ("default", "contrast")
VIEWPORT_HEIGHT = 800

# Run inside the demo server's own database: one live page of every page type, with the URL of
# each of its live translations, plus the views that are not pages. Prints one JSON line.
DISCOVERY_SCRIPT = """
import json
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Locale, Page

default_locale = Locale.get_default()
pages = Page.objects.live().public().filter(depth__gte=2).order_by("path")
first_of_type = {}
for page in pages.filter(locale=default_locale).select_related("content_type"):
    first_of_type.setdefault(page.content_type.model, page)
targets = []
for page_type, page in sorted(first_of_type.items()):
    urls = {}
    for translation_page in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation_page.get_url()
        if url:
            urls[translation_page.locale.language_code] = url
    targets.append({"name": page_type, "urls": urls, "status": 200})
for name, query in (("search", "?q=rights"),):
    for language in ("az", "en", "ru"):
        with translation.override(language):
            try:
                url = reverse(name) + query
            except NoReverseMatch:
                continue
        targets.append({"name": "search results", "urls": {language: url}, "status": 200})
preference_urls = {}
for language in ("az", "en", "ru"):
    with translation.override(language):
        preference_urls[language] = reverse("display_preferences") + "?next=/" + language + "/"
targets.append({"name": "display preferences", "status": 200, "urls": preference_urls})
targets.append(
    {"name": "page not found", "status": 404,
     "urls": {code: "/" + code + "/no-such-page-here/" for code in ("az", "en", "ru")}}
)
print("DISCOVERED " + json.dumps(targets))
"""


@dataclass(frozen=True)
class Target:
    """One kind of page of the demo site, in one language."""

    name: str
    language: str
    path: str
    status: int

    def __str__(self):
        return f"{self.name} [{self.language}] {self.path}"


def discover_targets(server):
    """Every page type live in the demo site (and the non-page views), in every language it has."""
    result = subprocess.run(
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "shell",
            "-c",
            DISCOVERY_SCRIPT,
        ],
        env=server.env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("DISCOVERED "))
    return [
        Target(entry["name"], language, path, entry["status"])
        for entry in json.loads(line.removeprefix("DISCOVERED "))
        for language, path in sorted(entry["urls"].items())
    ]


def set_viewport(driver, width, height=VIEWPORT_HEIGHT):
    """An exact CSS viewport width; a headless window cannot be made as narrow as 320 px."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def use_preferences(driver, base_url, cookie_value=None):
    """Send the preference cookie a visitor with these choices would send (none: the standard)."""
    driver.get(urljoin(base_url, "/robots.txt"))
    driver.delete_all_cookies()
    if cookie_value:
        driver.add_cookie(
            {"name": settings.PREFERENCE_COOKIE_NAME, "value": cookie_value, "path": "/"}
        )


def document_overflow(driver):
    """How many CSS pixels the document is wider than the viewport (0 when it reflows)."""
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
