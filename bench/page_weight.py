"""The home page's weight against its budget: HTML + CSS + JS + fonts, uncompressed, per language.

Fetches each language's home page from a real server (the demo site served by this script, or
`--base-url`), then every stylesheet, script, font and icon it loads (content images are left
out, as the budget says), and reports the bytes. Any request to another host is listed: the site
must make none. Exit status 1 when a language's total is over the budget.

    .venv/bin/python -m bench.page_weight [--base-url http://127.0.0.1:8000] [--output file.json]
"""

import argparse
import gzip
import json
import os
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
BUDGET_BYTES = 60 * 1024
LANGUAGES = ("az", "en", "ru")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")


@dataclass
class Weight:
    """The bytes of one page and of what it loads, by kind."""

    html: int = 0
    css: int = 0
    js: int = 0
    fonts: int = 0
    icons: int = 0
    files: list = field(default_factory=list)
    third_party: list = field(default_factory=list)

    @property
    def total(self):
        return self.html + self.css + self.js + self.fonts + self.icons


class AssetFinder(HTMLParser):
    """The URLs of the stylesheets, scripts, fonts and icons an HTML page asks the browser for."""

    def __init__(self):
        super().__init__()
        self.assets = []  # (kind, url)

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        relations = (attributes.get("rel") or "").lower().split()
        if tag == "script" and attributes.get("src"):
            self.assets.append(("js", attributes["src"]))
        elif tag == "link" and attributes.get("href"):
            if "stylesheet" in relations:
                self.assets.append(("css", attributes["href"]))
            elif "icon" in relations and not attributes["href"].startswith("data:"):
                self.assets.append(("icons", attributes["href"]))
            elif "preload" in relations or "modulepreload" in relations:
                kind = {"font": "fonts", "script": "js", "style": "css"}.get(
                    attributes.get("as", ""), "icons"
                )
                self.assets.append((kind, attributes["href"]))


def fetch(url):
    """The body as the browser would use it (decompressed) and its size in bytes."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
    return body


def is_same_site(url, base_url):
    return urlsplit(url).netloc in ("", urlsplit(base_url).netloc)


def weigh(page_url, base_url):
    weight = Weight()
    html = fetch(page_url)
    weight.html = len(html)
    finder = AssetFinder()
    finder.feed(html.decode("utf-8"))
    queue = [(kind, urljoin(page_url, url)) for kind, url in finder.assets]
    seen = set()
    while queue:
        kind, url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if not is_same_site(url, base_url):
            weight.third_party.append(url)
            continue
        body = fetch(url)
        setattr(weight, kind, getattr(weight, kind) + len(body))
        weight.files.append({"url": urlsplit(url).path, "kind": kind, "bytes": len(body)})
        if kind == "css":
            queue.extend(assets_of_stylesheet(body.decode("utf-8"), url))
    return weight


def assets_of_stylesheet(css, css_url):
    """Fonts and imported stylesheets a stylesheet loads (its background images are design)."""
    found = []
    for match in CSS_URL.finditer(css):
        url = match.group(1) or match.group(2)
        if url.startswith("data:"):
            continue
        path = urlsplit(url).path.lower()
        if match.group(2) or path.endswith(".css"):
            found.append(("css", urljoin(css_url, url)))
        elif path.endswith(FONT_EXTENSIONS):
            found.append(("fonts", urljoin(css_url, url)))
        else:
            found.append(("icons", urljoin(css_url, url)))
    return found


def measure(base_url):
    by_language = {}
    for language in LANGUAGES:
        weight = weigh(urljoin(base_url, f"/{language}/"), base_url)
        by_language[language] = weight
    heaviest = max(by_language.values(), key=lambda weight: weight.total)
    return {
        "total_kb": round(heaviest.total / 1024, 1),
        "budget_kb": BUDGET_BYTES // 1024,
        "within_budget": heaviest.total <= BUDGET_BYTES,
        "third_party_requests": sorted(
            {url for w in by_language.values() for url in w.third_party}
        ),
        "languages": {
            language: {
                "total_bytes": weight.total,
                "html": weight.html,
                "css": weight.css,
                "js": weight.js,
                "fonts": weight.fonts,
                "icons": weight.icons,
                "files": weight.files,
            }
            for language, weight in by_language.items()
        },
    }


def print_summary(result):
    print(
        f"Home page weight (HTML + CSS + JS + fonts + icons, uncompressed): "
        f"{result['total_kb']} KB of a {result['budget_kb']} KB budget "
        f"({'within' if result['within_budget'] else 'OVER'} budget)"
    )
    for language, figures in result["languages"].items():
        print(
            f"  /{language}/: {figures['total_bytes']:>6} bytes = HTML {figures['html']} + "
            f"CSS {figures['css']} + JS {figures['js']} + fonts {figures['fonts']} + "
            f"icons {figures['icons']}"
        )
    if result["third_party_requests"]:
        print("  Requests to other hosts: " + ", ".join(result["third_party_requests"]))
    else:
        print("  No request goes to another host.")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="a running site; default: serve the local database")
    parser.add_argument("--output", default=str(BASE_DIR / "bench-results" / "page_weight.json"))
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_arguments(argv)
    try:
        result = measure_site(arguments.base_url)
    except urllib.error.HTTPError as error:
        print(
            f"{error.url} answered {error.code}: the site cannot be weighed. Is the database "
            "migrated and the demo loaded (make demo)?",
            file=sys.stderr,
        )
        return 2
    output = Path(arguments.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n")
    print_summary(result)
    return 0 if result["within_budget"] and not result["third_party_requests"] else 1


def measure_site(base_url):
    """Measure `base_url`, or the local database served by a throw-away server."""
    if base_url:
        return measure(base_url)
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from accessibility.server import SiteServer

    with SiteServer() as server:
        return measure(server.base_url)


if __name__ == "__main__":
    sys.exit(main())
