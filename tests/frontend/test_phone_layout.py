"""Content first on a phone: a compact header, whole words at every text size, usable without
JavaScript and by keyboard."""

from urllib.parse import urljoin

import pytest
from django.utils import translation
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.frontend.browsing import LANGUAGES, document_overflow, set_viewport, use_preferences

pytestmark = pytest.mark.browser

PHONE = (360, 740)
FIRST_SCREEN_LIMIT = 250  # px from the top of the page where a page's <h1> must start

TOGGLE = "summary.site-menu__toggle"
HEADER_TEL_LINK = "header a[href^='tel:']"

H1_TOP = "return document.querySelector('h1').getBoundingClientRect().top + window.scrollY;"

# Every word of the page whose letters are laid out on more than one line. A word is a run of
# letters and digits (apostrophes inside it included): a line may break between words, at a
# hyphen or a slash, never inside a word. E-mail addresses and URLs are not words: they have no
# syllables to hyphenate at, and may break anywhere rather than widen the page. A word split where
# `hyphens: auto` applies is accepted only if this browser hyphenates that language (HYPHENATES):
# then the split is the browser's hyphenation, else it is a word cut in two.
BROKEN_WORDS = """
const hyphenates = arguments[0];
const WORD = /[\\p{L}\\p{M}\\p{N}]+(?:['\u2019][\\p{L}\\p{M}\\p{N}]+)*/gu;
const ADDRESS = /\\S+@\\S+|\\S*:\\/\\/\\S+|www\\.\\S+/gu;
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION", "TEXTAREA"]);
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
        const parent = node.parentElement;
        const skipped = !parent || SKIPPED.has(parent.tagName)
            || parent.closest("svg, .visually-hidden");
        return skipped ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
});
const range = document.createRange();
const broken = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const addresses = Array.from(node.data.matchAll(ADDRESS),
        (match) => [match.index, match.index + match[0].length]);
    for (const match of node.data.matchAll(WORD)) {
        const start = match.index, end = start + match[0].length;
        if (addresses.some(([from, to]) => start >= from && end <= to)) continue;
        range.setStart(node, start);
        range.setEnd(node, end);
        const lines = [];
        for (const rect of range.getClientRects()) {
            if (rect.width > 0 && rect.height > 0
                    && !lines.some((top) => Math.abs(top - rect.top) < rect.height / 2)) {
                lines.push(rect.top);
            }
        }
        if (lines.length < 2) continue;
        const element = node.parentElement;
        const language = (element.closest("[lang]")?.lang || "").split("-")[0];
        if (getComputedStyle(element).hyphens === "auto" && hyphenates[language]) continue;
        broken.push(match[0] + " in " + element.outerHTML.slice(0, 90));
    }
}
return broken;
"""

# Whether this browser hyphenates each language: a long word in a box narrower than the word,
# with hyphens:auto and no other way to break, stays within the box only if it is hyphenated.
HYPHENATES = """
const words = {az: "Respublikasının", en: "accessibility", ru: "Уполномоченный"};
const result = {};
for (const [language, word] of Object.entries(words)) {
    const box = document.createElement("div");
    box.lang = language;
    box.style.cssText = "width: 4em; hyphens: auto; overflow-wrap: normal; position: absolute;";
    box.textContent = word;
    document.body.appendChild(box);
    result[language] = box.scrollWidth <= box.clientWidth;
    box.remove();
}
return result;
"""

# The header's hotline: a tel: link shown on the first screen, not hidden in the menu.
TEL_LINK_ON_FIRST_SCREEN = """
const link = document.querySelector("header a[href^='tel:']");
if (!link) { return "no tel: link in the header"; }
const rect = link.getBoundingClientRect();
if (link.closest(".site-menu")) { return "inside the menu"; }
if (rect.width < 24 || rect.height < 24) { return `a ${rect.width}x${rect.height} px target`; }
if (rect.top < 0 || rect.bottom > window.innerHeight) { return `at ${rect.top} px`; }
return "";
"""


def paths_by_language(demo_targets, name):
    return {target.language: target.path for target in demo_targets if target.name == name}


def menu_label(language):
    with translation.override(language):
        return translation.gettext("Menu")


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def displayed(driver, selector):
    """Rendered and visible. Selenium's own is_displayed() calls anything inside a closed
    <details> hidden, even where the stylesheet shows it (the wide header)."""
    return driver.execute_script(
        "return document.querySelector(arguments[0]).checkVisibility({visibilityProperty: true});",
        selector,
    )


@pytest.fixture
def phone(demo_server, browser):
    use_preferences(browser, demo_server.base_url)
    set_viewport(browser, *PHONE)
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture
def phone_without_javascript(demo_server, browser_without_javascript):
    use_preferences(browser_without_javascript, demo_server.base_url)
    set_viewport(browser_without_javascript, *PHONE)
    yield browser_without_javascript
    browser_without_javascript.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_title_of_the_home_page_and_an_article_starts_on_the_first_phone_screen(
    demo_server, phone, demo_targets
):
    late = []
    for name in ("homepage", "newspage"):
        paths = paths_by_language(demo_targets, name)
        assert set(paths) == set(LANGUAGES), f"{name} is not published in every language"
        for language, path in sorted(paths.items()):
            phone.get(urljoin(demo_server.base_url, path))
            top = phone.execute_script(H1_TOP)
            if top > FIRST_SCREEN_LIMIT:
                late.append(f"{name} [{language}] {path}: the <h1> starts at {top:.0f} px")
            tel_problem = phone.execute_script(TEL_LINK_ON_FIRST_SCREEN)
            if tel_problem:
                late.append(f"{name} [{language}]: the hotline link is {tel_problem}")
    assert not late, "\n".join(late)


def test_the_menu_search_and_languages_work_from_the_compact_header_without_javascript(
    demo_server, phone_without_javascript, demo_targets
):
    driver = phone_without_javascript
    article = paths_by_language(demo_targets, "newspage")
    driver.get(urljoin(demo_server.base_url, article["az"]))
    toggle = driver.find_element(By.CSS_SELECTOR, TOGGLE)
    assert toggle.accessible_name == menu_label("az") != "Menu"
    assert toggle.rect["width"] >= 24 and toggle.rect["height"] >= 24
    for selector in (".main-menu", ".site-search", ".language-switcher", ".preferences-link"):
        assert not displayed(driver, selector), f"{selector} shows before the menu is opened"
    assert displayed(driver, HEADER_TEL_LINK)

    # Languages: the switcher keeps the visitor on the same article.
    toggle.click()
    assert displayed(driver, ".language-switcher")
    driver.find_element(By.CSS_SELECTOR, ".language-switcher a[lang='ru']").click()
    WebDriverWait(driver, 10).until(
        expected_conditions.url_to_be(urljoin(demo_server.base_url, article["ru"]))
    )
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert driver.find_element(By.CSS_SELECTOR, TOGGLE).accessible_name == menu_label("ru")

    # Search.
    driver.find_element(By.CSS_SELECTOR, TOGGLE).click()
    driver.find_element(By.ID, "site-search-query").send_keys("права")
    driver.find_element(By.CSS_SELECTOR, ".site-search__button").click()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("/ru/search/?q="))
    assert driver.find_element(By.TAG_NAME, "h1").is_displayed()

    # The menu: a link followed.
    driver.find_element(By.CSS_SELECTOR, TOGGLE).click()
    link = driver.find_element(By.CSS_SELECTOR, ".main-menu a")
    assert link.is_displayed()
    href = link.get_attribute("href")
    link.click()
    WebDriverWait(driver, 10).until(expected_conditions.url_to_be(href))
    assert driver.find_element(By.CSS_SELECTOR, TOGGLE).accessible_name == menu_label("ru")


def test_the_keyboard_opens_the_menu_with_enter_or_space_and_follows_a_link(
    demo_server, phone_without_javascript
):
    driver = phone_without_javascript
    driver.get(urljoin(demo_server.base_url, "/en/"))
    for _step in range(10):
        press(driver, Keys.TAB)
        if driver.switch_to.active_element.tag_name == "summary":
            break
    else:
        pytest.fail("Ten presses of Tab never reached the menu button")
    toggle = driver.switch_to.active_element
    assert toggle.get_attribute("class") == "site-menu__toggle"
    assert toggle.accessible_name == menu_label("en") == "Menu"
    outline = toggle.value_of_css_property("outline-width")
    assert float(outline.removesuffix("px")) >= 2, "the focused menu button shows no outline"

    details = driver.find_element(By.CSS_SELECTOR, ".site-menu")
    press(driver, Keys.SPACE)
    assert details.get_attribute("open") is not None, "Space did not open the menu"
    press(driver, Keys.SPACE)
    assert details.get_attribute("open") is None, "Space did not close the menu"
    press(driver, Keys.ENTER)
    assert details.get_attribute("open") is not None, "Enter did not open the menu"

    press(driver, Keys.TAB)
    link = driver.switch_to.active_element
    assert (
        link.is_displayed()
        and link.find_element(By.XPATH, "ancestor::nav").get_attribute("class") == "main-menu"
    ), "Tab after the menu button does not reach the first menu link"
    href = link.get_attribute("href")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(expected_conditions.url_to_be(href))


def test_a_wide_screen_shows_the_navigation_without_the_menu_button(demo_server, browser):
    use_preferences(browser, demo_server.base_url)
    set_viewport(browser, 1280)
    try:
        browser.get(urljoin(demo_server.base_url, "/az/"))
        assert not displayed(browser, TOGGLE)
        for selector in (
            ".main-menu a",
            ".site-search input",
            ".language-switcher a",
            ".preferences-link",
        ):
            assert displayed(browser, selector), f"{selector} is hidden on a wide screen"
        # One landmark per name: the navigation is not rendered twice.
        labels = browser.execute_script(
            "return Array.from(document.querySelectorAll('nav, [role=search]'),"
            " (landmark) => landmark.getAttribute('aria-label'));"
        )
        assert len(labels) == len(set(labels)), labels
        # The header measures its width in its own em: with the largest text, 1280 px is narrow.
        use_preferences(browser, demo_server.base_url, "200.default")
        browser.get(urljoin(demo_server.base_url, "/az/"))
        assert displayed(browser, TOGGLE)
        assert not displayed(browser, ".main-menu a")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_word_is_cut_at_320_pixels_with_the_largest_text(demo_server, browser, demo_targets):
    """Every page type in every language, menu open, with the site's largest text (200 %)."""
    use_preferences(browser, demo_server.base_url, "200.default")
    set_viewport(browser, 320, 640)
    problems = []
    try:
        hyphenates = None
        for target in demo_targets:
            browser.get(urljoin(demo_server.base_url, target.path))
            if hyphenates is None:
                hyphenates = browser.execute_script(HYPHENATES)
            tel_problem = browser.execute_script(TEL_LINK_ON_FIRST_SCREEN)
            if tel_problem:
                problems.append(f"{target}: the hotline link is {tel_problem}")
            browser.execute_script("document.querySelector('.site-menu').open = true;")
            broken = browser.execute_script(BROKEN_WORDS, hyphenates)
            problems.extend(f"{target}: {word}" for word in broken)
            overflow = document_overflow(browser)
            if overflow > 0:
                problems.append(f"{target}: with the menu open, {overflow} px too wide")
            search_width = browser.find_element(By.ID, "site-search-query").rect["width"]
            if search_width < 150:
                problems.append(f"{target}: the search box is {search_width:.0f} px wide")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
