"""End to end: one page of each institution page type, in each language, audited by axe-core."""

import pytest
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.testing import assert_no_axe_violations

pytestmark = pytest.mark.browser

# One page of each type, by its path in each language's tree of the demo site.
PAGES_BY_TYPE = {
    "standard page": {"az": "haqqimizda/mandat", "en": "about/mandate", "ru": "o-nas/mandat"},
    "FAQ page": {"az": "haqqimizda/suallar", "en": "about/faq", "ru": "o-nas/voprosy"},
    "contact page": {"az": "elaqe", "en": "contact", "ru": "kontakty"},
    "complaint form": {"az": "sikayet", "en": "complaint", "ru": "zhaloba"},
    "office list": {"az": "ofisler", "en": "offices", "ru": "ofisy"},
    "office": {"az": "ofisler/gence", "en": "offices/ganja", "ru": "ofisy/gyandzha"},
    "publication list": {"az": "meruzeler", "en": "reports", "ru": "doklady"},
    "publication": {
        "az": "meruzeler/illik-meruze-2024",
        "en": "reports/annual-report-2024",
        "ru": "doklady/ezhegodnyi-doklad-2024",
    },
}
CASES = [
    (page_type, language, path)
    for page_type, paths in PAGES_BY_TYPE.items()
    for language, path in paths.items()
]


@pytest.mark.parametrize(("page_type", "language", "path"), CASES)
def test_institution_page_has_no_axe_violations(demo_server, browser, page_type, language, path):
    browser.get(f"{demo_server.base_url}/{language}/{path}/")
    assert browser.find_element("tag name", "h1").text, f"the {page_type} did not render"
    assert browser.find_element("tag name", "html").get_attribute("lang") == language
    assert_no_axe_violations(browser)


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_complaint_form_with_errors_has_no_axe_violations(demo_server, browser, language):
    path = PAGES_BY_TYPE["complaint form"][language]
    browser.get(f"{demo_server.base_url}/{language}/{path}/")
    browser.find_element("css selector", ".complaint-form button[type=submit]").click()
    # The click returns once the form is sent: wait for the answer page's error summary.
    summary = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located(("css selector", ".error-summary"))
    )
    assert browser.switch_to.active_element == summary, "the error summary is not focused"
    assert_no_axe_violations(browser)
