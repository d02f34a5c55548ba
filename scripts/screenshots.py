"""Full-page screenshots of the home page, a news article and the complaint form, for people to
review the design.

Each page at 1280, 360 and 320 px wide, in the standard and the high-contrast theme, plus the
phone header with its menu open (`home-…-360-…-menu.png`), in headless Chromium, into
`screenshots/` (git-ignored). By default it serves the local demo site itself; `--base-url`
points it at a site already running instead.

    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--language en]
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urljoin

BASE_DIR = Path(__file__).resolve().parent.parent
WIDTHS = (1280, 360, 320)
PHONE_WIDTH = 360
THEMES = ("default", "contrast")
VIEWPORT_HEIGHT = 900


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="a running site; default: serve the local demo site")
    parser.add_argument("--language", default="en", choices=("az", "en", "ru"))
    parser.add_argument("--output", default=str(BASE_DIR / "screenshots"))
    return parser.parse_args()


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def pages_to_photograph(language):
    """(name, path) of the language's home page, most recent news article and complaint form."""
    from wagtail.models import Page

    live = Page.objects.live().filter(locale__language_code=language)
    home = live.filter(depth=2).first()
    if home is None:
        raise SystemExit(f"No {language} home page: load the demo first (make demo).")
    pages = [("home", home.url)]
    others = {
        "news": live.filter(content_type__model="newspage").order_by("-first_published_at"),
        # Whatever page type the complaint form is, its model's name says "complaint".
        "complaint": live.filter(content_type__model__contains="complaint").order_by("path"),
    }
    for name, candidates in others.items():
        page = candidates.first()
        if page is None:
            print(f"No {name} page found: not photographed.", file=sys.stderr)
        else:
            pages.append((name, page.url))
    return pages


def set_viewport(driver, width, height):
    """An exact CSS viewport, narrower than a headless window can be made."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def set_theme(driver, base_url, theme):
    from django.conf import settings

    driver.get(urljoin(base_url, "/robots.txt"))
    driver.delete_all_cookies()
    if theme != "default":
        driver.add_cookie(
            {"name": settings.PREFERENCE_COOKIE_NAME, "value": f"100.{theme}", "path": "/"}
        )


def photograph(driver, url, width, path, open_menu=False):
    set_viewport(driver, width, VIEWPORT_HEIGHT)
    driver.get(url)
    if open_menu:
        driver.execute_script("document.querySelector('.site-menu').open = true;")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    set_viewport(driver, width, min(height, 12000))
    driver.save_screenshot(str(path))


def take_screenshots(base_url, language, output_dir):
    from accessibility.browser import quit_browser, start_chromium

    output_dir.mkdir(parents=True, exist_ok=True)
    pages = pages_to_photograph(language)
    driver = start_chromium()
    try:
        for theme in THEMES:
            set_theme(driver, base_url, theme)
            for name, path in pages:
                for width in WIDTHS:
                    target = output_dir / f"{name}-{language}-{width}-{theme}.png"
                    photograph(driver, urljoin(base_url, path), width, target)
                    print(target)
            # The phone header with its menu, search and languages open.
            target = output_dir / f"home-{language}-{PHONE_WIDTH}-{theme}-menu.png"
            photograph(driver, urljoin(base_url, pages[0][1]), PHONE_WIDTH, target, open_menu=True)
            print(target)
    finally:
        quit_browser(driver)


def main():
    arguments = parse_arguments()
    setup_django()
    output_dir = Path(arguments.output)
    if arguments.base_url:
        take_screenshots(arguments.base_url, arguments.language, output_dir)
        return
    from accessibility.server import SiteServer

    with SiteServer() as server:
        take_screenshots(server.base_url, arguments.language, output_dir)


if __name__ == "__main__":
    main()
