"""With JavaScript switched off, pages show the same content and the display settings work."""

import re
from urllib.parse import urljoin

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.frontend.browsing import set_viewport, use_preferences

pytestmark = pytest.mark.browser


def main_text(driver):
    # The article's view counter goes up with every visit; compare the rest exactly.
    return re.sub(r"\d+", "#", driver.find_element(By.TAG_NAME, "main").text)


def click_the_preferences_link(driver):
    """A pointer click where the link is shown. On a wide screen the link is in the header's
    <details>, shown open by the stylesheet while closed: Selenium's element.click() calls
    everything inside a closed <details> hidden and refuses it, a visitor's mouse does not."""
    link = driver.find_element(By.CSS_SELECTOR, ".preferences-link")
    ActionChains(driver).move_to_element(link).click().perform()


def test_javascript_is_really_off(browser_without_javascript):
    # A page script would have set this; with scripts disabled the document stays untouched.
    browser_without_javascript.get(
        "data:text/html,<p id=p></p><script>p.textContent='ran'</script>"
    )
    assert browser_without_javascript.find_element(By.ID, "p").text == ""


def test_every_page_type_shows_the_same_content_without_javascript(
    demo_server, browser, browser_without_javascript, demo_targets
):
    for driver in (browser, browser_without_javascript):
        use_preferences(driver, demo_server.base_url)
        set_viewport(driver, 1280)
    different = []
    for target in demo_targets:
        if target.language != "en":
            continue
        url = urljoin(demo_server.base_url, target.path)
        browser.get(url)
        browser_without_javascript.get(url)
        if main_text(browser) != main_text(browser_without_javascript):
            different.append(str(target))
        html = browser_without_javascript.page_source
        assert "<noscript" not in html, f"{target}: a <noscript> message"
    assert not different, "Content differs without JavaScript:\n" + "\n".join(different)


def test_a_visitor_without_javascript_chooses_larger_text_and_high_contrast(
    demo_server, browser_without_javascript
):
    driver = browser_without_javascript
    use_preferences(driver, demo_server.base_url)
    set_viewport(driver, 1280)
    start = urljoin(demo_server.base_url, "/ru/")
    driver.get(start)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("class") == (
        "text-100 theme-default"
    )
    click_the_preferences_link(driver)
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("/ru/preferences/"))
    assert driver.current_url.endswith("/ru/preferences/?next=/ru/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    driver.find_element(By.CSS_SELECTOR, "label[for$='text_size_2']").click()
    driver.find_element(By.CSS_SELECTOR, "label[for$='theme_1']").click()
    driver.find_element(By.CSS_SELECTOR, "button[value='save']").click()

    # The click returns once the form is sent; wait for the redirect back to the page.
    WebDriverWait(driver, 10).until(expected_conditions.url_to_be(start))
    html = driver.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("class") == "text-150 theme-contrast"
    body_style = driver.execute_script(
        "const s = getComputedStyle(document.body);"
        "return [s.backgroundColor, getComputedStyle(document.documentElement).fontSize];"
    )
    assert body_style == ["rgb(0, 0, 0)", "24px"]

    click_the_preferences_link(driver)
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("/ru/preferences/"))
    driver.find_element(By.CSS_SELECTOR, "button[value='reset']").click()
    WebDriverWait(driver, 10).until(expected_conditions.url_to_be(start))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("class") == (
        "text-100 theme-default"
    )
