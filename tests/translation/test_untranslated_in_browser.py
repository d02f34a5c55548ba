"""An untranslated page in Chromium: the right languages marked, and no axe-core violations."""

import pytest

from accessibility.testing import assert_no_axe_violations
from core.locale_sync import synchronise_languages_from_default
from institution.models import StandardPage

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ru"])
def test_untranslated_page_is_accessible_and_marks_its_languages(
    transactional_db, django_db_serialized_rollback, live_server, site, browser, language
):
    site.add_page(
        StandardPage(
            title="Müvəkkilin mandatı",
            slug="mandat",
            intro="Müvəkkil insan hüquqlarının pozulması barədə şikayətlərə baxır.",
        )
    )
    synchronise_languages_from_default()

    browser.get(f"{live_server.url}/{language}/mandat/")
    find = browser.find_element
    assert find("tag name", "html").get_attribute("lang") == language
    assert find("tag name", "main").get_attribute("lang") == "az"
    notice = find("css selector", "main .notice")
    assert notice.get_attribute("lang") == language
    assert notice.is_displayed()
    assert find("tag name", "h1").text == "Müvəkkilin mandatı"
    assert_no_axe_violations(browser)
