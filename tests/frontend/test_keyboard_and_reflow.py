"""Keyboard-only and magnified use: skip link, visible focus, no trap, reflow at 320 px."""

from urllib.parse import urljoin

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.frontend.browsing import document_overflow, set_viewport, use_preferences

pytestmark = pytest.mark.browser

# Where the focus is, as a stable identity, and how it looks focused and unfocused.
FOCUS_PROBE = """
const element = document.activeElement;
if (!element || element === document.body) { return null; }
const all = document.querySelectorAll("*");
const look = (style) => [style.outlineStyle, style.outlineWidth, style.outlineColor,
                         style.boxShadow].join(" | ");
const focused = getComputedStyle(element);
const focusedLook = look(focused);
const outlineWidth = focused.outlineStyle === "none" ? 0 : parseFloat(focused.outlineWidth);
const hasShadow = focused.boxShadow !== "none";
element.blur();
const unfocusedLook = look(getComputedStyle(element));
element.focus();
return {
    index: Array.prototype.indexOf.call(all, element),
    description: element.outerHTML.slice(0, 120),
    focusedLook, unfocusedLook, outlineWidth, hasShadow,
};
"""

# Elements a visitor reaches with Tab: visible, enabled, not taken out of the order.
TABBABLE_COUNT = """
const selector = 'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary, iframe,'
    + ' [tabindex]:not([tabindex="-1"])';
return Array.from(document.querySelectorAll(selector)).filter(
    (element) => element.getClientRects().length > 0 && element.tabIndex >= 0
).length;
"""

# WCAG 1.4.12's text-spacing test: a visitor's own style sheet with these values loses nothing.
TEXT_SPACING_SCRIPT = """
const style = document.createElement("style");
style.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    + " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
document.head.appendChild(style);
"""

# Elements that hide part of their text: overflow hidden/clip and content bigger than the box.
CLIPPED_SCRIPT = """
return Array.from(document.querySelectorAll("body *")).filter((element) => {
    const style = getComputedStyle(element);
    const clips = ["hidden", "clip"].some((value) => [style.overflowX, style.overflowY]
        .includes(value));
    if (!clips || element.closest(".visually-hidden") || !element.textContent.trim()) {
        return false;
    }
    return element.scrollWidth > element.clientWidth + 1
        || element.scrollHeight > element.clientHeight + 1;
}).map((element) => element.outerHTML.slice(0, 100));
"""


def keyboard_page_paths(demo_targets):
    """The home page and a news article (or, before news exists, another page) in English."""
    english = {target.name: target.path for target in demo_targets if target.language == "en"}
    second = english.get("newspage") or next(
        path for name, path in english.items() if name not in ("homepage", "page not found")
    )
    return [english["homepage"], second]


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_into_main(demo_server, browser):
    set_viewport(browser, 1280)
    use_preferences(browser, demo_server.base_url)
    browser.get(urljoin(demo_server.base_url, "/az/"))
    press(browser, Keys.TAB)
    skip_link = browser.switch_to.active_element
    assert skip_link.get_attribute("class") == "skip-link"
    assert skip_link.is_displayed() and skip_link.rect["y"] >= 0
    press(browser, Keys.ENTER)
    assert browser.execute_script(
        "return document.querySelector('main').contains(document.activeElement);"
    )
    # The next Tab continues from the main content, not from the top of the page.
    press(browser, Keys.TAB)
    assert browser.execute_script(
        "return document.querySelector('main').contains(document.activeElement)"
        " || document.querySelector('footer').contains(document.activeElement);"
    )


# The site's two themes, and the system's forced colours (Windows High Contrast), which drop
# box-shadows and replace colours: the focus outline must survive it.
DISPLAY_MODES = {
    "default": (None, []),
    "contrast": ("100.contrast", []),
    "forced-colors": (None, [{"name": "forced-colors", "value": "active"}]),
}


@pytest.mark.parametrize("mode", DISPLAY_MODES)
@pytest.mark.parametrize("page_index", [0, 1], ids=["home", "article"])
def test_every_focusable_element_shows_focus_and_tab_cycles_without_a_trap(
    demo_server, browser, demo_targets, page_index, mode
):
    path = keyboard_page_paths(demo_targets)[page_index]
    cookie, media_features = DISPLAY_MODES[mode]
    set_viewport(browser, 1280)
    use_preferences(browser, demo_server.base_url, cookie)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": media_features})
    try:
        check_focus_through_the_page(browser, urljoin(demo_server.base_url, path))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def check_focus_through_the_page(browser, url):
    """Tab through the page: every stop shows a focus indicator, and Tab comes back to the top."""
    browser.get(url)
    expected = browser.execute_script(TABBABLE_COUNT)
    visited, invisible = [], []
    for _step in range(expected + 3):
        press(browser, Keys.TAB)
        probe = browser.execute_script(FOCUS_PROBE)
        if probe is None:
            continue
        if visited and probe["index"] == visited[0]:
            break  # back at the start: the whole page was reachable and nothing held focus
        visited.append(probe["index"])
        shows_focus = probe["focusedLook"] != probe["unfocusedLook"] and (
            probe["outlineWidth"] >= 2 or probe["hasShadow"]
        )
        if not shows_focus:
            invisible.append(probe["description"])
    else:
        pytest.fail(f"Tab never came back to the first element of {url}: a keyboard trap?")
    assert len(set(visited)) == len(visited) == expected, url
    assert not invisible, "No visible focus indicator on:\n" + "\n".join(invisible)


@pytest.mark.parametrize("cookie", [None, "100.contrast", "200.default"])
def test_no_page_is_wider_than_a_320_pixel_screen(demo_server, browser, demo_targets, cookie):
    """Reflow (WCAG 1.4.10): 320 px is 1280 px at 400 % zoom; also with the largest text."""
    use_preferences(browser, demo_server.base_url, cookie)
    set_viewport(browser, 320)
    too_wide = []
    try:
        for target in demo_targets:
            browser.get(urljoin(demo_server.base_url, target.path))
            overflow = document_overflow(browser)
            if overflow > 0:
                too_wide.append(f"{target}: {overflow} px too wide")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize("width", [1280, 320])
def test_increased_text_spacing_loses_no_content(demo_server, browser, demo_targets, width):
    """Text spacing (WCAG 1.4.12): nothing is clipped and nothing scrolls sideways."""
    use_preferences(browser, demo_server.base_url)
    set_viewport(browser, width)
    problems = []
    try:
        for target in demo_targets:
            browser.get(urljoin(demo_server.base_url, target.path))
            browser.execute_script(TEXT_SPACING_SCRIPT)
            clipped = browser.execute_script(CLIPPED_SCRIPT)
            overflow = document_overflow(browser)
            if clipped or overflow > 0:
                problems.append(f"{target}: {overflow} px too wide; clipped: {clipped}")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, "\n".join(problems)
