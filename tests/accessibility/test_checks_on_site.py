"""No false alarm on our own site: the checks beyond axe find nothing on the demo site's page
types in every language, at both widths, in the default and the high-contrast theme.

(The demo audit, `python -m config.demo_audit`, runs every check on every page at both
widths in the default theme; this adds the theme and the text size a visitor may choose.)
"""

import pytest

from accessibility.targets import parse_variant
from accessibility.testing import check_findings

pytestmark = pytest.mark.browser

PATHS = {
    "az": ["/az/", "/az/sikayet/", "/az/meruzeler/", "/az/xeberler/"],
    "en": ["/en/", "/en/complaint/", "/en/reports/", "/en/news/"],
    "ru": ["/ru/", "/ru/zhaloba/", "/ru/doklady/", "/ru/novosti/"],
}
VARIANTS = ["theme-contrast", "text-200"]


@pytest.fixture
def themed_browser(browser, demo_server):
    """The session browser sending a variant's preference cookie; none and 1280×800 after."""

    def use(variant, width):
        browser.get(f"{demo_server.base_url}/robots.txt")
        browser.delete_all_cookies()
        for name, value in parse_variant(variant).cookies:
            browser.add_cookie({"name": name, "value": value, "path": "/"})
        browser.set_window_size(width, 800)
        return browser

    yield use
    browser.delete_all_cookies()
    browser.set_window_size(1280, 800)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("language", sorted(PATHS))
def test_no_check_finds_anything_on_our_pages(
    demo_server, themed_browser, language, width, variant
):
    browser = themed_browser(variant, width)
    for path in PATHS[language]:
        results = check_findings(f"{demo_server.base_url}{path}", driver=browser, checks="all")
        assert browser.execute_script("return innerWidth") == width
        assert browser.find_element("tag name", "html").get_attribute("lang") == language
        assert (results.findings, results.errors) == ([], []), (path, results)
