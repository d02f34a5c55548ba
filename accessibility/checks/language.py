"""Language of parts (WCAG 3.1.2): text whose script contradicts the language it is marked with.

Dictionary-free signals only, judged on the text of each element in its own language (the
nearest `lang`):
- Cyrillic words inside a Latin-script language (az, en...): a violation;
- words with letters only Azerbaijani uses among these languages (ə, ğ, ı) inside English or
  Russian: a violation, or needs review where every such word is capitalised (names of places
  and people need no lang); the other Azerbaijani letters (ş, ç, ö, ü), also found in names of
  other languages, inside English: needs review;
- Latin words inside Russian beyond names and acronyms (two or more lowercase words in a
  row): needs review, since brand names and terms are often left in Latin letters.
A link's text in another language is reported under its own rule (`language-of-parts-link`):
it is what a screen reader user hears when choosing where to go. Not judged: text in `<code>`,
`<pre>`, `<kbd>`, `<samp>`, `<script>`, `<style>`, `translate="no"` or `aria-hidden="true"`
elements, and addresses (URLs, e-mail).
"""

import re

from django.utils.translation import gettext_lazy as _

from .dom import script
from .findings import NEEDS_REVIEW, VIOLATION, Finding

RULES = {
    "language-of-parts-script": "3.1.2",
    "language-of-parts-link": "3.1.2",
    "language-of-parts-review": "3.1.2",
}
TEXT_HELP = _("Text in another language must be marked with its own lang attribute.")
LINK_HELP = _(
    "A link whose text is in another language must be marked with its own lang attribute."
)
REVIEW_HELP = _("This text may be in another language: if so, mark it with its own lang attribute.")
# Findings per rule on one page: the same template mistake repeats on every card.
MAX_FINDINGS_PER_RULE = 20

CYRILLIC_LANGUAGES = {"ru", "uk", "be", "bg", "kk", "ky", "mk", "mn", "sr", "tg", "tt", "ba"}
LATIN_LANGUAGES = {"az", "en", "tr", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "uz"}
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{2,}")
AZ_ONLY = re.compile(r"[əƏğĞı]")
AZ_LETTERS = re.compile(r"[şŞçÇöÖüÜ]")
LATIN_WORD = re.compile(r"[A-Za-zəƏğĞıİşŞçÇöÖüÜ]+")
# Latin words inside Russian that are not names or acronyms: two lowercase ones in a row.
LOWERCASE_LATIN_RUN = re.compile(r"(?<![\w@./-])[a-z]{2,}(?:[\s,]+[a-z]{2,})+(?![\w@/])")
ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\S+\.(?:az|com|org|net|ru|pdf)\b", re.I)

TEXTS_SCRIPT = script(r"""
var skipped = {SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, CODE: 1, PRE: 1, KBD: 1, SAMP: 1,
               SVG: 1, MATH: 1, TEXTAREA: 1};
var texts = [];
function languageOf(el) {
  var owner = el.closest('[lang]');
  return owner ? owner.getAttribute('lang').toLowerCase() : '';
}
// A link's text in its own language: parts inside it marked with another lang are theirs.
function sameLanguageText(link) {
  var owner = link.closest('[lang]'), text = '';
  var nodes = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  for (var node = nodes.nextNode(); node; node = nodes.nextNode()) {
    var parent = node.parentElement;
    if (parent.closest('[lang]') === owner && !parent.closest('[aria-hidden="true"]')) {
      text += ' ' + node.data;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
for (var el = walker.currentNode; el; el = walker.nextNode()) {
  if (skipped[el.tagName.toUpperCase()] || el.closest('[translate="no"], [aria-hidden="true"]')) {
    continue;
  }
  var own = '';
  el.childNodes.forEach(function (node) { if (node.nodeType === 3) own += node.data; });
  own = own.replace(/\s+/g, ' ').trim();
  var link = el.localName === 'a' && el.hasAttribute('href');
  if (!own && !link) continue;
  if (link) own = sameLanguageText(el);
  if (!own || (!link && el.closest('a[href]'))) continue;  // A link's text is judged as a whole.
  texts.push({selector: A11Y.selector(el), html: A11Y.snippet(el), lang: languageOf(el),
              text: own.slice(0, 2000), link: link});
}
return texts;
""")


def primary(lang):
    parts = lang.lower().split("-")
    if "cyrl" in parts[1:]:
        return "ru"  # Judged like Russian: a Cyrillic-script language.
    if "latn" in parts[1:]:
        return "az" if parts[0] == "az" else "en"
    return parts[0]


def judge(text, lang):
    """(rule kind, what was found) for a text in `lang`, or None."""
    language = primary(lang)
    text = ADDRESS.sub(" ", text)
    if language in LATIN_LANGUAGES:
        cyrillic = CYRILLIC_WORD.findall(text)
        if cyrillic:
            return VIOLATION, f'Cyrillic words ({" ".join(cyrillic[:5])}) inside lang="{lang}"'
    if language in ("en", "ru"):
        words = [w for w in LATIN_WORD.findall(text) if AZ_ONLY.search(w)]
        common = [w for w in words if not w[0].isupper()]
        if common:
            return VIOLATION, f'Azerbaijani words ({" ".join(common[:5])}) inside lang="{lang}"'
        if words:  # Capitalised only: names of places and people are not a change of language.
            return NEEDS_REVIEW, (
                f'names in Azerbaijani spelling ({" ".join(words[:5])}) inside lang="{lang}"'
            )
    if language == "en":
        words = [w for w in LATIN_WORD.findall(text) if AZ_LETTERS.search(w)]
        if words:
            return NEEDS_REVIEW, (
                f'words with Azerbaijani letters ({" ".join(words[:5])}) inside lang="{lang}"'
            )
    if language in CYRILLIC_LANGUAGES:
        runs = LOWERCASE_LATIN_RUN.findall(text)
        if runs:
            return NEEDS_REVIEW, f'Latin words ({"; ".join(runs[:3])}) inside lang="{lang}"'
    return None


def check_language_of_parts(driver, context):
    """Text and links whose script contradicts the language they are marked with."""
    findings = []
    counts = {}
    for item in driver.execute_script(TEXTS_SCRIPT):
        verdict = judge(item["text"], item["lang"] or context.language)
        if verdict is None:
            continue
        kind, found = verdict
        if kind == NEEDS_REVIEW:
            rule_id, help_text = "language-of-parts-review", REVIEW_HELP
        elif item["link"]:
            rule_id, help_text = "language-of-parts-link", LINK_HELP
        else:
            rule_id, help_text = "language-of-parts-script", TEXT_HELP
        counts[rule_id] = counts.get(rule_id, 0) + 1
        if counts[rule_id] > MAX_FINDINGS_PER_RULE:
            continue
        findings.append(
            Finding(
                rule_id=rule_id,
                criterion="3.1.2",
                impact="serious" if kind == VIOLATION else "moderate",
                target=item["selector"],
                html=item["html"],
                help=help_text,
                failure_summary=f"{found}: “{item['text'][:120]}”",
                kind=kind,
            )
        )
    return findings
