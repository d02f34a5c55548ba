"""End to end: the home page in each language, rendered by Chromium and audited by axe-core."""

import json

import pytest
from django.conf import settings

from accessibility.axe import axe_version, format_violations, run_axe

pytestmark = pytest.mark.browser


def pinned_axe_version():
    package_lock = json.loads((settings.BASE_DIR / "package-lock.json").read_text())
    return package_lock["packages"]["node_modules/axe-core"]["version"]


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_home_page_has_no_axe_violations(demo_server, browser, language):
    browser.get(f"{demo_server.base_url}/{language}/")
    assert browser.find_element("tag name", "html").get_attribute("lang") == language
    results = run_axe(browser)
    assert axe_version(browser) == pinned_axe_version()
    assert set(results["toolOptions"]["runOnly"]["values"]) >= {"wcag22aa", "wcag2a"}
    assert results["violations"] == [], format_violations(results["violations"])
