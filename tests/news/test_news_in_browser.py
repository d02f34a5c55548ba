"""End to end: news and search pages, including their error states, audited by axe-core."""

from urllib.parse import quote

import pytest

from accessibility.axe import format_violations, run_axe

pytestmark = pytest.mark.browser

INDEX = {"az": "/az/xeberler/", "en": "/en/news/", "ru": "/ru/novosti/"}
SEARCH_WORD = {"az": "Şener", "en": "Shener", "ru": "Шенер"}


def news_and_search_paths(language):
    index = INDEX[language]
    return [
        index + "?category=monitoring&year=2023",
        index + "?page=2",
        index + "?page=99",  # the 404 with its message
        index + "annual-report-2022-presented-to-parliament/",  # heading, quote, table, document
        f"/{language}/search/?q={quote(SEARCH_WORD[language])}",
        f"/{language}/search/?q={'a' * 201}",  # the 400 with its error summary
    ]


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_news_and_search_pages_have_no_axe_violations(demo_server, browser, language):
    failures = []
    for path in news_and_search_paths(language):
        browser.get(demo_server.base_url + path)
        assert browser.find_element("tag name", "html").get_attribute("lang") == language
        assert len(browser.find_elements("tag name", "h1")) == 1, path
        violations = run_axe(browser)["violations"]
        if violations:
            failures.append(f"{path}\n{format_violations(violations)}")
    assert not failures, "\n\n".join(failures)
