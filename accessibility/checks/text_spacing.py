"""Text spacing (WCAG 1.4.12): with the criterion's spacing applied, no text may be clipped or
overlap other text.

In one script, without a repaint in between: measure, add the spacing the criterion names (as
W3C's text-spacing bookmarklet does: line height 1.5, paragraph spacing 2em, letter spacing
0.12em, word spacing 0.16em, all `!important`), measure again, remove the style and put the
scroll position back. Reported:
- an element that hides its overflow (`overflow: hidden|clip`) and holds text that fitted before
  and no longer fits (its scroll size exceeds its size);
- two blocks of text that did not overlap before and overlap after (at most the first
  `MAX_BLOCKS` blocks of text are compared, pairwise only where they are near each other).
Fixed and sticky layers, form fields and visually hidden text are not judged.
"""

from django.utils.translation import gettext_lazy as _

from .dom import script
from .findings import VIOLATION, Finding

RULES = {"text-spacing-clipped": "1.4.12", "text-spacing-overlap": "1.4.12"}
CLIPPED_HELP = _(
    "Text must stay fully visible when a reader increases line, paragraph, letter and word spacing."
)
OVERLAP_HELP = _(
    "Text must not overlap other text when a reader increases line, paragraph, letter and word "
    "spacing."
)
MAX_BLOCKS = 400
MAX_FINDINGS = 10

SPACING_SCRIPT = script(
    r"""
var MAX_BLOCKS = %(blocks)d, MAX_FINDINGS = %(findings)d;
var scroll = [scrollX, scrollY];
var fields = 'input, select, textarea, option';
function layered(el) {
  for (var node = el; node && node !== document.body; node = node.parentElement) {
    var position = getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}
function ownText(el) {
  for (var i = 0; i < el.childNodes.length; i++) {
    var node = el.childNodes[i];
    if (node.nodeType === 3 && node.data.trim()) return true;
  }
  return false;
}
function clipped(el) {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}
var clippers = [], blocks = [];
var all = document.body.getElementsByTagName('*');
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  if (el.matches(fields) || !A11Y.visible(el)) continue;
  var style = getComputedStyle(el);
  var hides = /hidden|clip/.test(style.overflowX + style.overflowY);
  if (hides && A11Y.text(el) && el.clientHeight > 0 && !A11Y.visuallyHidden(el)) {
    clippers.push({el: el, before: clipped(el)});
  }
  if (blocks.length < MAX_BLOCKS && ownText(el) && !/^inline/.test(style.display) &&
      !layered(el) && !A11Y.visuallyHidden(el)) {
    var rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) {
      blocks.push({el: el, before: [rect.left, rect.top + scrollY,
                                    rect.right, rect.bottom + scrollY]});
    }
  }
}
var style = A11Y.addStyle('* { line-height: 1.5 !important; ' +
  'letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } ' +
  'p { margin-bottom: 2em !important; }');
var found = [];
try {
  if (!(parseFloat(getComputedStyle(document.body).letterSpacing) > 0)) {
    throw new Error('the text spacing style could not be applied');
  }
  clippers.forEach(function (item) {
    if (found.length >= MAX_FINDINGS || item.before || !clipped(item.el)) return;
    found.push({rule: 'clipped', selector: A11Y.selector(item.el),
                html: A11Y.snippet(item.el.cloneNode(false)),
                detail: 'shows ' + item.el.clientWidth + '×' + item.el.clientHeight +
                        ' px of ' + item.el.scrollWidth + '×' + item.el.scrollHeight + ' px'});
  });
  blocks.forEach(function (block) {
    var rect = block.el.getBoundingClientRect();
    block.after = [rect.left, rect.top + scrollY, rect.right, rect.bottom + scrollY];
  });
  function overlap(a, b) {
    return Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 4 &&
           Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 4;
  }
  var sorted = blocks.slice().sort(function (a, b) { return a.after[1] - b.after[1]; });
  for (var a = 0; a < sorted.length && found.length < MAX_FINDINGS; a++) {
    for (var b = a + 1; b < sorted.length && sorted[b].after[1] < sorted[a].after[3]; b++) {
      var first = sorted[a], second = sorted[b];
      if (first.el.contains(second.el) || second.el.contains(first.el)) continue;
      if (!overlap(first.after, second.after) || overlap(first.before, second.before)) continue;
      found.push({rule: 'overlap', selector: A11Y.selector(second.el),
                  html: A11Y.snippet(second.el.cloneNode(false)),
                  detail: 'overlaps ' + A11Y.selector(first.el)});
      break;
    }
  }
} finally {
  style.remove();
  scrollTo({left: scroll[0], top: scroll[1], behavior: 'instant'});
}
return found;
""".replace("%(blocks)d", str(MAX_BLOCKS)).replace("%(findings)d", str(MAX_FINDINGS))
)


def check_text_spacing(driver, context):
    """Text clipped or overlapping once the criterion's text spacing is applied."""
    findings = []
    for item in driver.execute_script(SPACING_SCRIPT):
        clipped = item["rule"] == "clipped"
        findings.append(
            Finding(
                rule_id="text-spacing-clipped" if clipped else "text-spacing-overlap",
                criterion="1.4.12",
                impact="serious",
                target=item["selector"],
                html=item["html"],
                help=CLIPPED_HELP if clipped else OVERLAP_HELP,
                failure_summary=f"With the criterion's text spacing, it {item['detail']}.",
                kind=VIOLATION,
            )
        )
    return findings
