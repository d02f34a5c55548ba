"""Keyboard walk (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11, 1.4.13): Tab through the page with real
key presses and judge what a keyboard user meets.

How, in few round trips: one script records how every focusable element looks unfocused and
listens to focus; Tab is pressed in batches of `BATCH` real key presses (WebDriver actions), each
focused element's look being recorded as focus reaches it; the walk ends when focus leaves the
page or comes back to its first stop, and after at most `MAX_STOPS` presses. Then one script
replays the stops forwards and backwards (as Tab and Shift+Tab scroll) to find focused elements
hidden under fixed or sticky layers. Reported:
- `keyboard-focus-visible` (2.4.7): an element that looks the same focused and unfocused: its
  computed outline, box-shadow, border, background, colour, text decoration and opacity, its
  ::before/::after, parent and first child compared; where all are the same, its screenshot
  focused and unfocused is compared (at most `MAX_PIXEL_CHECKS` per page; beyond that, or when
  no screenshot can tell, `keyboard-focus-visible-review`); a focused element of no size, or
  entirely outside the viewport, is not visible either;
- `keyboard-trap` (2.1.2): Tab presses that no longer move focus on, or move it round a few
  elements without ever leaving them;
- `keyboard-tab-order` (2.4.3): a positive `tabindex`; `keyboard-order-review`: a stop far above
  and to the left of the previous one (reading order runs down and rightwards);
- `keyboard-focus-obscured` (2.4.11): a focused element entirely hidden by a fixed or sticky layer;
- `keyboard-not-focusable` (2.1.1): an element with a click, mouse or pointer listener (found with
  the DevTools protocol's `DOMDebugger.getEventListeners` where the browser offers it) that is
  neither focusable nor inside a focusable element; one holding focusable elements may only
  delegate their events: `keyboard-not-focusable-review`. Without the DevTools protocol (a remote
  Grid node), non-controls with `cursor: pointer` are listed for review instead;
- `keyboard-hover-only` (2.1.1): a style sheet rule that shows content on `:hover` with no
  `:focus`/`:focus-within` counterpart, over an element with nothing focusable in it;
  `keyboard-hover-only-review` (1.4.13) when something in it can take focus (a script may
  show the content then).
The page is restored afterwards: focus, scroll position, and the style that turns transitions off
during the walk removed.
"""

import io

from django.utils.translation import gettext_lazy as _
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .dom import HELPERS, script
from .findings import NEEDS_REVIEW, VIOLATION, Finding

RULES = {
    "keyboard-focus-visible": "2.4.7",
    "keyboard-focus-visible-review": "2.4.7",
    "keyboard-trap": "2.1.2",
    "keyboard-tab-order": "2.4.3",
    "keyboard-order-review": "2.4.3",
    "keyboard-focus-obscured": "2.4.11",
    "keyboard-not-focusable": "2.1.1",
    "keyboard-not-focusable-review": "2.1.1",
    "keyboard-hover-only": "2.1.1",
    "keyboard-hover-only-review": "1.4.13",
}
HELP = {
    "keyboard-focus-visible": _("A focused element must show that it has the keyboard focus."),
    "keyboard-focus-visible-review": _(
        "Check by hand that this element shows that it has the keyboard focus."
    ),
    "keyboard-trap": _("Keyboard focus must be able to move away from every element with Tab."),
    "keyboard-tab-order": _(
        "A positive tabindex changes the focus order from the reading order; use 0 or -1."
    ),
    "keyboard-order-review": _(
        "Focus jumps back up the page here: check that the focus order follows the reading order."
    ),
    "keyboard-focus-obscured": _(
        "A focused element must not be entirely hidden by a fixed or sticky part of the page."
    ),
    "keyboard-not-focusable": _(
        "An element that reacts to clicks must be reachable and usable with the keyboard."
    ),
    "keyboard-not-focusable-review": _(
        "This element reacts to clicks: check that what it does can also be done with the keyboard."
    ),
    "keyboard-hover-only": _(
        "Content shown on mouse hover must also be shown when the keyboard focus reaches it."
    ),
    "keyboard-hover-only-review": _(
        "Content is shown on mouse hover: check that keyboard focus shows it too, and that it can "
        "be dismissed and stays while needed."
    ),
}
IMPACT = {
    "keyboard-focus-visible": "serious",
    "keyboard-trap": "critical",
    "keyboard-tab-order": "serious",
    "keyboard-focus-obscured": "serious",
    "keyboard-not-focusable": "serious",
    "keyboard-hover-only": "serious",
}
# Bounds of the walk: Tab presses per batch, presses in all, screenshot comparisons per page.
BATCH = 25
MAX_STOPS = 250
MAX_PIXEL_CHECKS = 5
# A stop this far above the previous one (CSS pixels) and to its left is a jump back.
JUMP_UP = 200
JUMP_LEFT = 50
# Presses in a row that leave focus among at most TRAP_SET elements: a trap.
TRAP_PRESSES = 20
TRAP_SET = 3
CLICK_EVENTS = {"click", "mousedown", "mouseup", "pointerdown", "pointerup", "dblclick"}
MAX_LISTENER_NODES = 60
FINDINGS_PER_RULE = 20

FOCUSABLE = (
    "a[href], area[href], button, input, select, textarea, summary, iframe, object, embed, "
    "audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable=false])"
)

PREPARE_SCRIPT = script(r"""
var FOCUSABLE = arguments[0];
if (window.__a11yWalk) window.__a11yWalk.stop();
var walk = {scroll: [scrollX, scrollY], active: document.activeElement, stops: [], looks: new Map(),
            elements: [], presses: 0};
// No transition, animation or smooth scrolling: each look and position is final at once.
walk.quiet = A11Y.addStyle('*, *::before, *::after { transition: none !important; ' +
  'animation: none !important; scroll-behavior: auto !important; ' +
  'caret-color: transparent !important; }');
if (getComputedStyle(document.documentElement).scrollBehavior !== 'auto') {
  walk.quiet.remove();
  throw new Error('the style turning transitions off could not be applied');
}
// What can show focus. Parts that draw nothing (an outline or border of style none, a
// decoration line of none) count as absent whatever their other values.
var GROUPS = [['outline-style', 'outline-width', 'outline-color', 'outline-offset'],
  ['border-top-style', 'border-top-width', 'border-top-color'],
  ['border-bottom-style', 'border-bottom-width', 'border-bottom-color'],
  ['border-left-style', 'border-left-width', 'border-left-color'],
  ['border-right-style', 'border-right-width', 'border-right-color'],
  ['text-decoration-line', 'text-decoration-color', 'text-decoration-thickness',
   'text-decoration-style', 'text-underline-offset'],
  ['box-shadow'], ['background-color'], ['background-image'], ['color'], ['opacity'],
  ['transform'], ['filter'], ['font-weight'], ['position'], ['top'], ['left']];
function look(el) {
  var parts = [];
  [[el, null], [el, '::before'], [el, '::after'], [el.parentElement, null],
   [el.firstElementChild, null]].forEach(function (pair) {
    if (!pair[0]) { parts.push('-'); return; }
    var style = getComputedStyle(pair[0], pair[1]);
    GROUPS.forEach(function (group) {
      var first = style.getPropertyValue(group[0]);
      if (group.length > 1 && first === 'none') { parts.push('none'); return; }
      parts.push(group.map(function (name) { return style.getPropertyValue(name); }).join(' '));
    });
  });
  return parts.join('|');
}
walk.look = look;
document.querySelectorAll(FOCUSABLE).forEach(function (el) { walk.looks.set(el, look(el)); });
function indexOf(el) {
  var i = walk.elements.indexOf(el);
  if (i === -1) { walk.elements.push(el); i = walk.elements.length - 1; }
  return i;
}
walk.indexOf = indexOf;
walk.onFocus = function (event) {
  var el = event.target;
  if (el === walk.start || el.nodeType !== 1) return;
  var rect = el.getBoundingClientRect(), style = getComputedStyle(el);
  walk.stops.push({i: indexOf(el), focused: look(el), press: walk.presses,
                   x: rect.left + scrollX, y: rect.top + scrollY,
                   layered: style.position === 'fixed' || style.position === 'sticky'});
};
// Before each press: which element has focus (-1: the walk's start, -2: none).
walk.pressLog = [];
walk.onKey = function (event) {
  if (event.key !== 'Tab') return;
  walk.presses++;
  var active = document.activeElement;
  walk.pressLog.push(active === walk.start ? -1 :
    (!active || active === document.body || active === document.documentElement) ? -2 :
    indexOf(active));
};
document.addEventListener('focusin', walk.onFocus, true);
window.addEventListener('keydown', walk.onKey, true);
walk.stop = function () {
  document.removeEventListener('focusin', walk.onFocus, true);
  window.removeEventListener('keydown', walk.onKey, true);
  if (walk.start) walk.start.remove();
  walk.quiet.remove();
  if (walk.active && walk.active !== document.body && walk.active.focus) {
    walk.active.focus({preventScroll: true});
  } else if (document.activeElement && document.activeElement.blur) {
    document.activeElement.blur();
  }
  // Instant: the page's own smooth scrolling must not leave it moving after the check.
  scrollTo({left: walk.scroll[0], top: walk.scroll[1], behavior: 'instant'});
  delete window.__a11yWalk;
};
// Tab from a point before everything: a focusable-by-script marker first in the body.
var start = document.createElement('span');
start.tabIndex = -1;
start.style.cssText = 'position:absolute;top:0;left:0;width:1px;height:1px;overflow:hidden;';
document.body.insertBefore(start, document.body.firstChild);
walk.start = start;
scrollTo({left: 0, top: 0, behavior: 'instant'});
start.focus({preventScroll: true});
window.__a11yWalk = walk;
var positive = [];
document.querySelectorAll('[tabindex]').forEach(function (el) {
  if (el.tabIndex > 0 && A11Y.visible(el)) {
    positive.push({selector: A11Y.selector(el), html: A11Y.snippet(el.cloneNode(false)),
                   tabindex: el.tabIndex});
  }
});
return {positive: positive, focusable: walk.looks.size};
""")

STATE_SCRIPT = r"""
var walk = window.__a11yWalk, active = document.activeElement;
var recent = walk.pressLog.slice(-%(trap)d);
return {stops: walk.stops.length, presses: walk.presses,
        outside: !active || active === document.body || active === document.documentElement,
        recent: recent,
        recentFrames: recent.some(function (i) {
          return i >= 0 && /^(iframe|frame|object|embed)$/.test(walk.elements[i].localName); }),
        wrapped: walk.stops.length > 1 && walk.stops.slice(1).some(function (stop) {
          return stop.i === walk.stops[0].i; })};
""".replace("%(trap)d", str(TRAP_PRESSES))

# Replays the stops with focus() forwards (as Tab scrolls) then backwards (as Shift+Tab does),
# and reports each element's state: visible at all, and obscured by a fixed or sticky layer.
REPLAY_SCRIPT = script(r"""
var walk = window.__a11yWalk;
// Focus left for the browser's own controls: :focus matches nothing until a Tab brings it back.
if (!document.hasFocus()) return null;
document.removeEventListener('focusin', walk.onFocus, true);
function layerOf(el) {
  for (var node = el; node && node !== document.documentElement; node = node.parentElement) {
    var position = getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return node;
  }
  return null;
}
function judge(el) {
  var rect = el.getBoundingClientRect();
  var width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  var sized = rect.width >= 1 && rect.height >= 1 ||
              Array.prototype.some.call(el.querySelectorAll('*'), function (child) {
                var r = child.getBoundingClientRect(); return r.width >= 1 && r.height >= 1; });
  var onScreen = rect.right > 0 && rect.bottom > 0 && rect.left < width && rect.top < height;
  if (!sized || !onScreen) return {hidden: true, obscuredBy: null};
  var left = Math.max(rect.left, 0), right = Math.min(rect.right, width);
  var top = Math.max(rect.top, 0), bottom = Math.min(rect.bottom, height);
  var points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]];
  var obscuredBy = null;
  for (var p = 0; p < points.length; p++) {
    var x = left + (right - left) * points[p][0], y = top + (bottom - top) * points[p][1];
    var hit = document.elementFromPoint(x, y);
    var visibleHere = !hit || hit === el || el.contains(hit) || hit.contains(el);
    var layer = visibleHere ? null : layerOf(hit);
    if (!layer || layer.contains(el)) return {hidden: false, obscuredBy: null};
    obscuredBy = layer;
  }
  return {hidden: false, obscuredBy: obscuredBy};
}
// Focus as Tab does: without a script's help, Chromium centres an element not wholly in view.
function focusAsTab(el) {
  el.focus({preventScroll: true});
  var rect = el.getBoundingClientRect();
  var width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  if (rect.top < 0 || rect.left < 0 || rect.bottom > height || rect.right > width) {
    el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
  }
}
walk.focusAsTab = focusAsTab;
var order = [];
walk.stops.forEach(function (stop) { if (order.indexOf(stop.i) === -1) order.push(stop.i); });
var results = {};
[order, order.slice().reverse()].forEach(function (sequence, backwards) {
  if (backwards) {
    scrollTo({left: 0, top: document.documentElement.scrollHeight, behavior: 'instant'});
  }
  sequence.forEach(function (i) {
    var el = walk.elements[i];
    if (!el.isConnected) return;
    focusAsTab(el);
    var verdict = judge(el), result = results[i] || {hidden: true, obscuredBy: null};
    result.hidden = result.hidden && verdict.hidden;
    if (verdict.obscuredBy && !result.obscuredBy) {
      result.obscuredBy = A11Y.selector(verdict.obscuredBy);
      result.direction = backwards ? 'Shift+Tab' : 'Tab';
    }
    results[i] = result;
  });
});
return walk.elements.map(function (el, i) {
  var unfocused = walk.looks.get(el);
  var focused = walk.stops.filter(function (stop) { return stop.i === i; })[0];
  return {selector: A11Y.selector(el), html: A11Y.snippet(el.cloneNode(false)),
          tag: el.localName, frame: /^(iframe|frame|object|embed)$/.test(el.localName),
          sameLook: unfocused !== undefined && focused && unfocused === focused.focused,
          hidden: results[i] ? results[i].hidden : false,
          obscuredBy: results[i] ? results[i].obscuredBy : null,
          direction: results[i] ? results[i].direction : ''};
});
""")

STOPS_SCRIPT = r"""
return window.__a11yWalk.stops.map(function (stop) {
  return {i: stop.i, x: stop.x, y: stop.y, layered: stop.layered};
});
"""

# For a screenshot comparison: focus (or blur) element `i` and return its box in device pixels.
FOCUS_FOR_PIXELS_SCRIPT = r"""
var walk = window.__a11yWalk, el = walk.elements[arguments[0]];
if (arguments[1]) { walk.focusAsTab(el); } else { el.blur(); }
var rect = el.getBoundingClientRect(), ratio = devicePixelRatio || 1;
return [rect.left * ratio, rect.top * ratio, rect.right * ratio, rect.bottom * ratio, ratio];
"""

RESTORE_SCRIPT = "if (window.__a11yWalk) window.__a11yWalk.stop();"

# Judges one element with listeners (through the DevTools protocol): null if it is fine.
JUDGE_LISTENER_FUNCTION = (
    "function (FOCUSABLE) {"
    + HELPERS
    + r"""
  var el = this;
  if (!el || el.nodeType !== 1 || el === document.body || el === document.documentElement) {
    return null;
  }
  if (el.closest(FOCUSABLE) || el.closest('label') || !A11Y.visible(el)) return null;
  if (el.closest('[aria-hidden="true"], [inert]')) return null;
  var delegates = !!el.querySelector(FOCUSABLE);
  return {selector: A11Y.selector(el), html: A11Y.snippet(el.cloneNode(false)),
          delegates: delegates};
}"""
)

POINTER_SCRIPT = script(r"""
var FOCUSABLE = arguments[0], found = [];
var all = document.body.getElementsByTagName('*');
for (var i = 0; i < all.length && found.length < 20; i++) {
  var el = all[i];
  if (getComputedStyle(el).cursor !== 'pointer') continue;
  if (el.closest(FOCUSABLE) || el.closest('label') || !A11Y.visible(el)) continue;
  var parent = el.parentElement;
  if (parent && getComputedStyle(parent).cursor === 'pointer') continue;  // Its parent is named.
  found.push({selector: A11Y.selector(el), html: A11Y.snippet(el.cloneNode(false)),
              delegates: !!el.querySelector(FOCUSABLE)});
}
return found;
""")

HOVER_SCRIPT = script(r"""
var FOCUSABLE = arguments[0];
var REVEALING = ['display', 'visibility', 'opacity', 'clip', 'clip-path', 'max-height'];
var rules = [], selectors = new Set();
function collect(list) {
  for (var i = 0; i < list.length; i++) {
    var rule = list[i];
    if (rule.media && !matchMedia(rule.media.mediaText).matches) continue;
    if (rule.cssRules && !rule.selectorText) { collect(rule.cssRules); continue; }
    if (!rule.selectorText) continue;
    split(rule.selectorText).forEach(function (selector) { selectors.add(selector); });
    rules.push(rule);
  }
}
function split(text) {  // Top-level commas only: ":is(a, b)" stays whole.
  var parts = [], depth = 0, current = '';
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) { parts.push(current.trim()); current = ''; } else current += c;
  }
  parts.push(current.trim());
  return parts;
}
for (var s = 0; s < document.styleSheets.length; s++) {
  try { collect(document.styleSheets[s].cssRules); } catch (error) { /* Another origin's. */ }
}
var found = [];
rules.forEach(function (rule) {
  var reveals = REVEALING.some(function (name) { return rule.style.getPropertyValue(name); });
  if (!reveals) return;
  split(rule.selectorText).forEach(function (selector) {
    if (selector.indexOf(':hover') === -1 || found.length >= 20) return;
    var keyboard = [':focus-within', ':focus', ':focus-visible'].some(function (pseudo) {
      return selectors.has(selector.split(':hover').join(pseudo));
    });
    if (keyboard) return;
    var base = selector.split(':hover').join('');
    var hostPrefix = selector.slice(0, selector.indexOf(':hover')).replace(/:hover/g, '');
    var shown, hosts;
    try {
      shown = document.querySelectorAll(base);
      hosts = document.querySelectorAll(hostPrefix || '*');
    } catch (error) { return; }
    if (!shown.length || !hosts.length) return;
    var target = shown[0], host = null, box = target.getBoundingClientRect();
    if (A11Y.visible(target) && box.width > 0 && box.height > 0) return;  // Shown already.
    for (var h = 0; h < hosts.length; h++) {
      var around = hosts[h].parentElement;  // "a:hover + .tip": the tip is a sibling.
      if (hosts[h].contains(target) || (around && around.contains(target))) {
        host = hosts[h];
        break;
      }
    }
    if (!host || !A11Y.visible(host)) return;
    var focusable = host.matches(FOCUSABLE) || !!host.querySelector(FOCUSABLE) ||
                    !!target.querySelector(FOCUSABLE);
    found.push({selector: A11Y.selector(target), html: A11Y.snippet(target.cloneNode(false)),
                rule: selector, host: A11Y.selector(host), focusable: focusable});
  });
});
return found;
""")


class Walk:
    """The findings of one page's keyboard walk, at most FINDINGS_PER_RULE per rule."""

    def __init__(self):
        self.findings = []
        self.counts = {}

    def add(self, rule_id, target, html, summary, kind=VIOLATION):
        self.counts[rule_id] = self.counts.get(rule_id, 0) + 1
        if self.counts[rule_id] > FINDINGS_PER_RULE:
            return
        self.findings.append(
            Finding(
                rule_id=rule_id,
                criterion=RULES[rule_id],
                impact=IMPACT.get(rule_id, "moderate"),
                target=target,
                html=html,
                help=HELP[rule_id],
                failure_summary=summary,
                kind=kind,
            )
        )


def check_keyboard(driver, context):
    """Tab through the page and report what a keyboard user meets (see the module docstring)."""
    walk = Walk()
    prepared = driver.execute_script(PREPARE_SCRIPT, FOCUSABLE)
    try:
        for item in prepared["positive"]:
            walk.add(
                "keyboard-tab-order",
                item["selector"],
                item["html"],
                f"tabindex={item['tabindex']} puts it before the elements in reading order.",
            )
        state = press_tab_until_done(driver)
        if state["stops"]:  # Else nothing on the page takes focus: nothing to replay.
            elements = replay(driver)
            judge_stops(driver, walk, state, elements)
            judge_order(walk, elements, driver.execute_script(STOPS_SCRIPT))
    finally:
        driver.execute_script(RESTORE_SCRIPT)
    judge_click_listeners(driver, walk)
    judge_hover_rules(driver, walk)
    return walk.findings


def press_tab_until_done(driver):
    """Press Tab in batches until focus leaves the page, wraps round, is trapped, or the bound."""
    state = {}
    while True:
        actions = ActionChains(driver)
        for _press in range(BATCH):
            actions.send_keys(Keys.TAB)
        actions.perform()
        state = driver.execute_script(STATE_SCRIPT)
        done = state["wrapped"] or state["outside"] and state["stops"]
        nothing_to_focus = not state["stops"] and state["presses"] >= 2 * BATCH
        if done or nothing_to_focus or state["presses"] >= MAX_STOPS or trapped(state):
            return state


def replay(driver):
    """The replay's verdicts, once the page has the focus again (Tab past the last element
    gives it to the browser: one more press brings it back)."""
    for _attempt in range(3):
        elements = driver.execute_script(REPLAY_SCRIPT)
        if elements is not None:
            return elements
        ActionChains(driver).send_keys(Keys.TAB).perform()
    raise RuntimeError("the page did not get the keyboard focus back after the walk")


def trapped(state):
    """The last TRAP_PRESSES presses all started on the same few elements of this document."""
    recent = state["recent"]
    return (
        len(recent) >= TRAP_PRESSES
        and min(recent) >= 0
        and len(set(recent)) <= TRAP_SET
        and not state["recentFrames"]
    )


def judge_stops(driver, walk, state, elements):
    if not state["wrapped"] and trapped(state):
        for element in [elements[i] for i in dict.fromkeys(state["recent"])]:
            walk.add(
                "keyboard-trap",
                element["selector"],
                element["html"],
                f"After {state['presses']} Tab presses focus stays among "
                f"{len(set(state['recent']))} element(s).",
            )
    pixel_checks = 0
    for index, element in enumerate(elements):
        if element["frame"]:
            continue  # Its document has its own focus, which this page cannot see.
        if element["hidden"]:
            walk.add(
                "keyboard-focus-visible",
                element["selector"],
                element["html"],
                "When focused it has no size or lies outside the viewport.",
            )
        elif element["sameLook"] and not element["obscuredBy"]:  # Covered: reported below.
            if pixel_checks >= MAX_PIXEL_CHECKS:
                walk.add(
                    "keyboard-focus-visible-review",
                    element["selector"],
                    element["html"],
                    "Its computed styles are the same focused and unfocused; not compared "
                    f"pixel by pixel (at most {MAX_PIXEL_CHECKS} per page).",
                    NEEDS_REVIEW,
                )
                continue
            pixel_checks += 1
            if looks_the_same(driver, index):
                walk.add(
                    "keyboard-focus-visible",
                    element["selector"],
                    element["html"],
                    "Focused and unfocused it looks the same: same computed styles, same pixels.",
                )
        if element["obscuredBy"]:
            walk.add(
                "keyboard-focus-obscured",
                element["selector"],
                element["html"],
                f"Reached with {element['direction']}, it is entirely covered by "
                f"{element['obscuredBy']}.",
            )


def looks_the_same(driver, index):
    """Whether element `index` renders the same pixels (its box and 8 px around it) focused and
    unfocused."""
    from PIL import Image, ImageChops

    crops = []
    for focused in (True, False):
        left, top, right, bottom, ratio = driver.execute_script(
            FOCUS_FOR_PIXELS_SCRIPT, index, focused
        )
        image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
        margin = 8 * ratio
        box = (
            max(int(left - margin), 0),
            max(int(top - margin), 0),
            min(int(right + margin), image.width),
            min(int(bottom + margin), image.height),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            return False  # Not on screen: the replay reports it as hidden instead.
        crops.append(image.crop(box))
    return ImageChops.difference(*crops).getbbox() is None


def judge_order(walk, elements, stops):
    """Jumps back up and left between consecutive stops of the first round (not its wrap)."""
    previous = None
    first_round = stops
    for index, stop in enumerate(stops[1:], 1):
        if stop["i"] == stops[0]["i"]:
            first_round = stops[:index]
            break
    for stop in first_round:
        if stop["layered"] or elements[stop["i"]]["frame"]:
            continue
        if previous is not None and (
            stop["y"] < previous["y"] - JUMP_UP and stop["x"] < previous["x"] - JUMP_LEFT
        ):
            element = elements[stop["i"]]
            walk.add(
                "keyboard-order-review",
                element["selector"],
                element["html"],
                f"Focus moves {round(previous['y'] - stop['y'])} px up and "
                f"{round(previous['x'] - stop['x'])} px left from "
                f"{elements[previous['i']]['selector']}.",
                NEEDS_REVIEW,
            )
        previous = stop


def judge_click_listeners(driver, walk):
    items = click_listener_elements(driver)
    if items is None:  # No DevTools protocol: what looks clickable is for a person to judge.
        for item in driver.execute_script(POINTER_SCRIPT, FOCUSABLE):
            walk.add(
                "keyboard-not-focusable-review",
                item["selector"],
                item["html"],
                "It shows a pointer cursor but cannot take keyboard focus (click listeners "
                "could not be read on this browser).",
                NEEDS_REVIEW,
            )
        return
    for item in items:
        if item["delegates"]:
            walk.add(
                "keyboard-not-focusable-review",
                item["selector"],
                item["html"],
                f"It listens to {', '.join(item['events'])} and cannot take focus; it holds "
                "focusable elements, whose events it may only handle.",
                NEEDS_REVIEW,
            )
        else:
            walk.add(
                "keyboard-not-focusable",
                item["selector"],
                item["html"],
                f"It listens to {', '.join(item['events'])} but cannot take keyboard focus.",
            )


def click_listener_elements(driver):
    """Elements with click-like listeners that cannot take focus, or None without DevTools."""
    cdp = getattr(driver, "execute_cdp_cmd", None)
    if cdp is None:
        return None
    group = "a11y-keyboard-check"
    try:
        document = cdp("Runtime.evaluate", {"expression": "document", "objectGroup": group})[
            "result"
        ]
        listeners = cdp(
            "DOMDebugger.getEventListeners",
            {"objectId": document["objectId"], "depth": -1, "pierce": False},
        )["listeners"]
    except Exception:  # noqa: BLE001 - a browser without the domain: fall back
        return None
    events = {}
    for listener in listeners:
        node = listener.get("backendNodeId")
        if node and listener["type"] in CLICK_EVENTS:
            events.setdefault(node, set()).add(listener["type"])
    found = []
    try:
        for node, types in list(events.items())[:MAX_LISTENER_NODES]:
            remote = cdp("DOM.resolveNode", {"backendNodeId": node, "objectGroup": group})
            verdict = cdp(
                "Runtime.callFunctionOn",
                {
                    "functionDeclaration": JUDGE_LISTENER_FUNCTION,
                    "objectId": remote["object"]["objectId"],
                    "arguments": [{"value": FOCUSABLE}],
                    "returnByValue": True,
                },
            )["result"].get("value")
            if verdict:
                found.append({**verdict, "events": sorted(types)})
    finally:
        cdp("Runtime.releaseObjectGroup", {"objectGroup": group})
    return found


def judge_hover_rules(driver, walk):
    for item in driver.execute_script(HOVER_SCRIPT, FOCUSABLE):
        if item["focusable"]:
            walk.add(
                "keyboard-hover-only-review",
                item["selector"],
                item["html"],
                f"The rule “{item['rule']}” shows it on hover of {item['host']}, and no "
                ":focus or :focus-within rule does.",
                NEEDS_REVIEW,
            )
        else:
            walk.add(
                "keyboard-hover-only",
                item["selector"],
                item["html"],
                f"The rule “{item['rule']}” shows it on hover of {item['host']}, which holds "
                "nothing that can take keyboard focus.",
            )
