"""Every page type carries the Content-Security-Policy and nothing on it breaks the policy
(violations recorded in Chromium as tests/frontend/csp.py describes)."""

import http.server
import threading
import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from django.conf import settings
from selenium.webdriver.support.ui import WebDriverWait

from staff.testing import set_up_two_factor_in_browser
from tests.frontend.csp import READ_VIOLATIONS, violations_on

pytestmark = pytest.mark.browser

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"


def response_headers(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.headers
    except urllib.error.HTTPError as error:  # the 404 page is an answer too
        return error.headers


def assert_strict_policy(policy, where):
    assert policy, f"{where}: no {CSP} header"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, f"{where}: {policy}"
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'", f"{where}: {policy}"
    assert directives["style-src"] == "'self'", f"{where}: {policy}"
    assert directives["object-src"] == "'none'", f"{where}: {policy}"


def test_every_public_page_type_enforces_the_policy_without_a_violation(
    demo_server, violation_recorder, demo_targets
):
    failures = []
    for target in demo_targets:
        url = urljoin(demo_server.base_url, target.path)
        headers = response_headers(url)
        assert_strict_policy(headers.get(CSP), target)
        assert "camera=()" in headers.get("Permissions-Policy", ""), target
        assert headers.get(CSP_REPORT_ONLY) is None, f"{target}: public pages enforce"
        found = violations_on(violation_recorder, url)
        if found:
            failures.append(f"{target}: {found}")
    assert not failures, "CSP violations:\n" + "\n".join(failures)


def test_an_editor_with_the_userbar_meets_the_policy_and_the_admin_breaks_nothing_enforced(
    demo_server, violation_recorder
):
    """Signed in, public pages show Wagtail's userbar; the admin runs under Report-Only."""
    driver = violation_recorder
    base_url = demo_server.base_url
    try:
        login_url = urljoin(base_url, "/admin/login/")
        assert not [v for v in violations_on(driver, login_url) if v["disposition"] == "enforce"]
        driver.find_element("id", "id_username").send_keys("admin")
        driver.find_element("id", "id_password").send_keys(demo_server.env["DEMO_ADMIN_PASSWORD"])
        driver.find_element("css selector", "form.login-form button[type=submit]").click()
        # The demo administrator must set up two-step verification first, as a person would.
        WebDriverWait(driver, 10).until(lambda browser: "/login/" not in browser.current_url)
        set_up_two_factor_in_browser(driver)
        admin_violations = driver.execute_async_script(READ_VIOLATIONS)
        assert admin_violations is not None
        assert not [v for v in admin_violations if v["disposition"] == "enforce"]
        assert driver.get_cookie(settings.SESSION_COOKIE_NAME), "the editor was not signed in"

        home = urljoin(base_url, "/en/")
        found = violations_on(driver, home)
        assert driver.find_elements("css selector", "wagtail-userbar"), "no userbar shown"
        assert not found, f"the userbar breaks the policy: {found}"
    finally:
        driver.get(urljoin(base_url, "/robots.txt"))
        driver.delete_all_cookies()


class PlantedPage(http.server.BaseHTTPRequestHandler):
    """A page with the site's own policy and what a careless template might add."""

    policy = ""
    body = (
        b"<!DOCTYPE html><html lang='en'><head><title>planted</title></head><body>"
        b"<h1 style='color: red'>planted</h1>"
        b"<script>document.title = 'ran';</script>"
        b"<button onclick='void 0'>press</button>"
        b"</body></html>"
    )

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header(CSP, self.policy)
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_the_check_catches_an_inline_script_style_and_handler(demo_server, violation_recorder):
    """The same policy as the site's, on a page with inline code: the test above would fail."""
    PlantedPage.policy = response_headers(urljoin(demo_server.base_url, "/en/"))[CSP]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PlantedPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        found = violations_on(violation_recorder, url)
        assert violation_recorder.title == "planted", "the inline script ran"
    finally:
        server.shutdown()
        server.server_close()
    directives = {violation["directive"] for violation in found}
    assert {"script-src-elem", "style-src-attr"} <= directives, found
    assert "script-src-attr" in directives, found  # the onclick handler
