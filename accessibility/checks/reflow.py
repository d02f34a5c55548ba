"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide, the page must not scroll sideways, nor cut off
content past its right edge.

The check judges viewports at most 320 CSS pixels wide (the audit's phone viewport, 320×640)
and does nothing at wider ones. It names the outermost elements that reach past the viewport's
right edge, except content the criterion allows to scroll in two dimensions: tables, maps,
`pre` and `code`, images, video, canvas, SVG, frames, anything inside an element that scrolls
sideways itself (`overflow-x: auto|scroll`) and anything marked `data-reflow-exempt`.
"""

from django.utils.translation import gettext_lazy as _

from .dom import script
from .findings import VIOLATION, Finding

RULES = {"reflow-horizontal-scroll": "1.4.10"}
HELP = _(
    "At 320 CSS pixels wide, content must fit the width of the screen without scrolling sideways."
)
REFLOW_WIDTH = 320
MAX_FINDINGS = 10

OVERFLOW_SCRIPT = script(
    r"""
var width = document.documentElement.clientWidth;
var scrolls = document.documentElement.scrollWidth > width + 1;
var exempt = 'table, map, pre, code, img, picture, video, canvas, svg, iframe, object, embed, ' +
             '[data-reflow-exempt]';
function exempted(el) {
  if (el.closest(exempt)) return true;
  for (var node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    var overflowX = getComputedStyle(node).overflowX;
    if (overflowX === 'auto' || overflowX === 'scroll') return true;
  }
  return false;
}
function past(el) {
  var rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && rect.right > width + 1 &&
         (scrolls || rect.left < width);  // Without page scrolling: cut off, partly visible.
}
var found = [];
var all = document.body.getElementsByTagName('*');
for (var i = 0; i < all.length && found.length < %(max)d; i++) {
  var el = all[i];
  if (!past(el) || A11Y.visuallyHidden(el) || exempted(el)) continue;
  var style = getComputedStyle(el);
  if (style.position === 'fixed' && el.getBoundingClientRect().left >= width) continue;
  var parent = el.parentElement;
  if (parent && parent !== document.body && past(parent) && !exempted(parent)) continue;
  var rect = el.getBoundingClientRect();
  found.push({selector: A11Y.selector(el), html: A11Y.snippet(el.cloneNode(false)),
              right: Math.round(rect.right), width: Math.round(rect.width)});
}
return {width: width, scrollWidth: document.documentElement.scrollWidth, found: found};
""".replace("%(max)d", str(MAX_FINDINGS))
)


def check_reflow(driver, context):
    """At most 320 CSS px wide: the elements that make the page scroll sideways or are cut off."""
    width, *scroll = driver.execute_script("return [innerWidth, scrollX, scrollY];")
    if width > REFLOW_WIDTH:
        return []
    try:
        measured = driver.execute_script(OVERFLOW_SCRIPT)
    finally:
        driver.execute_script(
            "scrollTo({left: arguments[0], top: arguments[1], behavior: 'instant'});", *scroll
        )
    findings = []
    for item in measured["found"]:
        findings.append(
            Finding(
                rule_id="reflow-horizontal-scroll",
                criterion="1.4.10",
                impact="serious",
                target=item["selector"],
                html=item["html"],
                help=HELP,
                failure_summary=(
                    f"{item['width']} px wide, its right edge at {item['right']} px in a "
                    f"{measured['width']} px wide viewport (the page is "
                    f"{measured['scrollWidth']} px wide)."
                ),
                kind=VIOLATION,
            )
        )
    return findings
