"""The admin screens of this app pass axe in Chromium, in az and ru: the report (with a stored
run, its chart, page rows and list of runs), a site audit's progress view and a page's audits."""

import pytest
from django.contrib.auth import get_user_model
from selenium.webdriver.support.ui import WebDriverWait
from wagtail.users.models import UserProfile

from accessibility.models import AuditRun
from accessibility.testing import assert_no_axe_violations
from staff.testing import set_up_two_factor_in_browser
from tests.accessibility.report_data import stored_run

pytestmark = pytest.mark.browser


def sign_in(browser, live_server, language):
    user = get_user_model().objects.create_superuser(f"admin-{language}", "a@example.org", "pw-1")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/admin/login/")
    browser.find_element("name", "username").send_keys(user.username)
    browser.find_element("name", "password").send_keys("pw-1")
    browser.find_element("css selector", "form [type=submit]").click()
    # Wait for the sign-in to land before the next address is loaded.
    WebDriverWait(browser, 10).until(lambda driver: "/login/" not in driver.current_url)
    # A superuser must set up two-step verification at the first sign-in, as a person would.
    set_up_two_factor_in_browser(browser)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_report_and_progress_views_have_no_axe_violations(
    transactional_db, django_db_serialized_rollback, live_server, browser, language
):
    older = stored_run()
    AuditRun.objects.filter(pk=older.pk).update(trigger=AuditRun.Trigger.COMMAND)
    stored_run()
    running = AuditRun.objects.create(
        trigger=AuditRun.Trigger.ADMIN, settings={"scope": "site"}, pages_total=12
    )
    sign_in(browser, live_server, language)
    try:
        for width in (1280, 320):
            browser.set_window_size(width, 800)
            browser.get(f"{live_server.url}/admin/accessibility/")
            assert browser.find_element("tag name", "html").get_attribute("lang") == language
            assert browser.find_elements("css selector", ".accessibility-trend svg rect")
            assert_no_axe_violations(browser)
            browser.get(f"{live_server.url}/admin/accessibility/runs/{running.pk}/progress/")
            assert browser.find_element("css selector", "[data-figure=pages-done]").text
            assert_no_axe_violations(browser)
    finally:
        browser.set_window_size(1280, 800)
        browser.delete_all_cookies()
