"""axe-core finds no WCAG 2.2 A/AA violation on any page type, language, width or theme."""

from urllib.parse import urljoin

import pytest
from selenium.webdriver.support.ui import WebDriverWait

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


def test_refused_preferences_show_a_focused_error_summary_without_violations(demo_server, browser):
    """A tampered form value: the 400 page's error summary takes focus and links to the field."""
    use_preferences(browser, demo_server.base_url)
    set_viewport(browser, WIDTHS[1])
    try:
        browser.get(urljoin(demo_server.base_url, "/en/preferences/?next=/en/"))
        browser.execute_script(
            "const radio = document.querySelector('input[name=text_size]:checked');"
            "radio.value = '999'; radio.form.querySelector('button[value=save]').click();"
        )
        WebDriverWait(browser, 10).until(
            lambda driver: driver.find_elements("css selector", ".error-summary")
        )
        summary = browser.find_element("css selector", ".error-summary")
        assert browser.switch_to.active_element == summary
        link = summary.find_element("css selector", "a")
        assert link.get_attribute("href").endswith("#field-text_size")
        assert "Choose one of the text sizes in the list." in summary.text
        results = run_axe(browser)
        assert results["violations"] == [], format_violations(results["violations"])
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
