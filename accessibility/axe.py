"""Run the npm-pinned axe-core in a Selenium-driven page, in every frame, and know its tags.

axe-core audits frames itself when a copy of it runs in each of them: like the axe CLI and
@axe-core/webdriverjs, `run_axe` switches into every `<iframe>`/`<frame>` (nested ones too, same-
or cross-origin), injects the script there and allows cross-origin messages, then runs axe in
the top document with `iframes: true`. A node inside a frame then has the frame's selector
path in its target (`["#outer-frame", "#inner-frame", "img"]`). The script is injected with
axe-selenium-python's `Axe.inject()`, run against the frame the driver has switched to.
"""

import functools
import re

from axe_selenium_python import Axe
from selenium.common.exceptions import WebDriverException

from .config import DEFAULT_TAGS, axe_options, axe_script_setting
from .fingerprints import target_text

# Frames in frames in frames: deeper nesting is not audited (and a page that nests itself
# must not recurse forever).
MAX_FRAME_DEPTH = 5
# Frames answer the top document's axe through postMessage, which axe allows only to its own
# origin unless told otherwise; then the frames to inject into next.
ALLOW_FRAME_MESSAGES_AND_LIST_FRAMES_SCRIPT = (
    "if (window.axe) { axe.configure({allowedOrigins: ['<unsafe_all_origins>']}); }"
    "return Array.from(document.querySelectorAll('iframe, frame'));"
)
# A rejected axe.run() must answer at once, not leave the driver waiting for its script timeout.
RUN_SCRIPT = """
var callback = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(
  function (results) { callback(results); },
  function (error) { callback({axeError: String(error && error.message || error)}); }
);
"""
# WCAG's level tags in axe's naming: wcag2a ... wcag22aaa.
WCAG_LEVEL_TAG = re.compile(r"wcag2\d?a{1,3}")
TAG_LIST = re.compile(r"\btags\s*:\s*\[([^\]]*)\]")
QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'")


class AxeError(RuntimeError):
    """axe-core itself failed on the page."""


class UnknownTags(ValueError):
    """Tags that no axe-core rule has; the message names the valid ones."""


def axe_script_path():
    path = axe_script_setting()
    if not path.exists():
        raise FileNotFoundError(
            f"axe-core is not installed at {path}. Run `npm ci` in the project folder."
        )
    return str(path)


def inject_axe(driver, depth=0):
    """Inject axe-core into the document the driver is in, then into each of its frames."""
    Axe(driver, script_url=axe_script_path()).inject()
    frames = driver.execute_script(ALLOW_FRAME_MESSAGES_AND_LIST_FRAMES_SCRIPT) or []
    if depth >= MAX_FRAME_DEPTH:
        return
    for frame in frames:
        try:
            driver.switch_to.frame(frame)
        except WebDriverException:
            continue  # Gone since we listed it.
        try:
            inject_axe(driver, depth + 1)
        except WebDriverException:
            pass  # A frame that cannot run scripts (an error page, a sandbox): axe skips it.
        finally:
            driver.switch_to.parent_frame()


def run_axe(driver, tags=None, include_best_practice=False):
    """axe's full results for the page the driver shows, its frames included."""
    inject_axe(driver)
    options = {
        **axe_options(tags=tags, include_best_practice=include_best_practice),
        "iframes": True,
    }
    results = driver.execute_async_script(RUN_SCRIPT, options)
    if isinstance(results, dict) and "axeError" in results:
        raise AxeError(f"axe-core failed on the page: {results['axeError']}")
    return results


def axe_version(driver):
    return driver.execute_script("return window.axe ? window.axe.version : null;")


@functools.cache
def _tags_in_script(path, modified):
    """Every tag of every rule in the axe-core script (its rules' metadata, read once)."""
    source = open(path, encoding="utf-8").read()  # noqa: SIM115, PTH123 - read whole, once
    tags = set()
    for tag_list in TAG_LIST.finditer(source):
        tags.update(double or single for double, single in QUOTED.findall(tag_list[1]))
    return frozenset(tags)


def known_tags():
    """The tags axe-core's rules carry (what `axe.getRules()` lists), for validating options."""
    path = axe_script_setting()
    return _tags_in_script(str(path), path.stat().st_mtime)


def check_tags(tags):
    """Raise UnknownTags naming the valid tags if any of `tags` is not a tag of axe-core, or if
    together they select no rule at all (an audit of nothing must not pass).

    A WCAG level tag (`wcag22a`) is valid even while no rule of this axe-core carries it: it is
    part of axe's naming, and its rules will run once axe-core has some.
    """
    if not tags:
        return
    axe_script_path()  # A missing axe-core is its own clear error.
    valid = known_tags()
    unknown = [tag for tag in tags if tag not in valid and not WCAG_LEVEL_TAG.fullmatch(tag)]
    if unknown:
        raise UnknownTags(
            f"Unknown axe-core tag(s): {', '.join(unknown)}. Tags are case-sensitive; "
            f"axe-core knows: {', '.join(sorted(valid, key=_tag_order))}."
        )
    if not valid.intersection(tags):
        raise UnknownTags(
            f"No axe-core rule has the tag(s) {', '.join(tags)}: the audit would check nothing. "
            f"Add a tag with rules, e.g. {', '.join(DEFAULT_TAGS)}."
        )


def _tag_order(tag):
    # The tags people use first (wcag2a, wcag21aa, best-practice...), then the detailed ones.
    return (not re.fullmatch(r"wcag\d+a+|best-practice|experimental|section508|ACT", tag), tag)


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {target_text(node['target'])}: {node['html'][:160]}")
    return "\n".join(lines)
