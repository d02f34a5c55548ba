"""JavaScript the checks share: a stable CSS selector, a short snippet and visibility of an element.

Each check's script starts with `HELPERS`, which defines `A11Y` in the script's own scope only.
Styles a check adds go through `A11Y.addStyle`, which a Content-Security-Policy cannot block;
each check then verifies that its style applies, and raises (an error of the check, never a
silent pass) where it does not.
"""

HELPERS = r"""
var A11Y = {
  uniqueId: function (el) {
    return el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1;
  },
  // Like axe's targets: an id where it is unique, else the path of tag:nth-of-type steps.
  selector: function (el) {
    var parts = [];
    while (el && el.nodeType === 1 && el !== document.documentElement) {
      if (A11Y.uniqueId(el)) { parts.unshift('#' + CSS.escape(el.id)); break; }
      var tag = el.localName, parent = el.parentElement, part = tag;
      if (parent) {
        var same = Array.prototype.filter.call(parent.children, function (child) {
          return child.localName === tag;
        });
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
      }
      parts.unshift(part);
      el = parent;
    }
    return parts.join(' > ') || 'html';
  },
  snippet: function (el) {
    var html = el.outerHTML || '';
    return html.length > 500 ? html.slice(0, 499) + '\u2026' : html;
  },
  visible: function (el) {
    if (el.checkVisibility) {
      return el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    }
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  },
  // Hidden from sight but read by screen readers (a "visually hidden" class): not laid out text.
  visuallyHidden: function (el) {
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var rect = node.getBoundingClientRect(), style = getComputedStyle(node);
      if ((rect.width <= 1 || rect.height <= 1) && style.overflow !== 'visible') return true;
      var clipped = /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
      if (clipped || style.clipPath === 'inset(50%)') return true;
    }
    return false;
  },
  text: function (el) { return (el.textContent || '').replace(/\s+/g, ' ').trim(); },
  // A style sheet of the check's own, removed with `.remove()`. Constructed, not a <style>
  // element: a Content-Security-Policy without 'unsafe-inline' (ours) would block that.
  addStyle: function (css) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    return {remove: function () {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (other) {
        return other !== sheet;
      });
    }};
  }
};
"""


def script(body):
    """A script for `execute_script`: the helpers, then `body` (which may `return`)."""
    return HELPERS + body
