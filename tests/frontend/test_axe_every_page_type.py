"""axe-core finds no WCAG 2.2 A/AA violation on any page type, language, width or theme."""

from urllib.parse import urljoin

import pytest

from accessibility.axe import format_violations, run_axe
from accessibility.config import DEFAULT_TAGS
from tests.frontend.browsing import (
    LANGUAGES,
    THEMES,
    WIDTHS,
    set_viewport,
    use_preferences,
)

pytestmark = pytest.mark.browser


def test_every_page_type_of_the_demo_is_covered(demo_targets):
    names = {target.name for target in demo_targets}
    assert {"homepage", "display preferences", "page not found"} <= names
    # Every page type is audited in each of the three languages it is published in.
    home_languages = {target.language for target in demo_targets if target.name == "homepage"}
    assert home_languages == set(LANGUAGES)


@pytest.mark.parametrize("theme", THEMES)
def test_no_axe_violations(demo_server, browser, demo_targets, theme):
    """One browser and one cookie per theme; each page loaded once and audited at both widths.

    Resizing re-applies the media queries exactly as loading at that width would: the pages
    have no script that runs only at load time.
    """
    use_preferences(browser, demo_server.base_url, None if theme == "default" else f"100.{theme}")
    failures = []
    try:
        for target in demo_targets:
            set_viewport(browser, WIDTHS[0])
            browser.get(urljoin(demo_server.base_url, target.path))
            html_class = browser.find_element("tag name", "html").get_attribute("class")
            assert f"theme-{theme}" in html_class.split(), f"{target}: theme not applied"
            for width in WIDTHS:
                set_viewport(browser, width)
                results = run_axe(browser)
                assert set(results["toolOptions"]["runOnly"]["values"]) >= set(DEFAULT_TAGS)
                if results["violations"]:
                    failures.append(
                        f"{target} at {width} px\n{format_violations(results['violations'])}"
                    )
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.delete_all_cookies()
    audited = len(demo_targets) * len(WIDTHS)
    assert not failures, f"{len(failures)} of {audited} audits failed, {theme}:\n" + (
        "\n\n".join(failures)
    )
