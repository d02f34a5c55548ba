"""End to end: one page of each institution page type, in each language, audited by axe-core."""

import pytest

from accessibility.testing import assert_no_axe_violations

pytestmark = pytest.mark.browser

# One page of each type, by its path in each language's tree of the demo site.
PAGES_BY_TYPE = {
    "standard page": {"az": "haqqimizda/mandat", "en": "about/mandate", "ru": "o-nas/mandat"},
    "FAQ page": {"az": "haqqimizda/suallar", "en": "about/faq", "ru": "o-nas/voprosy"},
    "contact page": {"az": "elaqe", "en": "contact", "ru": "kontakty"},
    "complaint page": {"az": "sikayet", "en": "complaint", "ru": "zhaloba"},
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
