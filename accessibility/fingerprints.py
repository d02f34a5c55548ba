"""Fingerprints of violations that survive re-runs and unrelated edits of the audited page.

A fingerprint is made of the rule, the *normalized* target selector and the page's identity (for a
Wagtail page its translation key and language, not its URL, so a new slug keeps it; for any other
URL its path). The element's HTML text is left out on purpose: editing a sentence must not turn an
accepted violation into a new one. Normalizing drops what shifts when content is added around the
element: positional pseudo-classes (`:nth-child(3)`), attribute values (`[href="/az/news/.."]`) and
digits inside ids and classes (Wagtail's block ids, generated counters).
"""

import hashlib
import re

POSITIONAL_PSEUDO_CLASS = re.compile(r":nth-(?:last-)?(?:child|of-type)\([^)]*\)")
ATTRIBUTE_VALUE = re.compile(r"\[([\w:-]+)[~|^$*]?=(?:\"[^\"]*\"|'[^']*'|[^\]]*)\]")
ID_OR_CLASS = re.compile(r"([#.])((?:\\.|[\w-])+)")
DIGITS_OR_HEX_RUN = re.compile(r"[0-9a-f]{8,}|\d+")
WHITESPACE = re.compile(r"\s+")


def _normalize_name(match):
    sign, name = match.groups()
    return sign + DIGITS_OR_HEX_RUN.sub("*", name)


def normalize_selector(selector):
    """The selector without the parts that move when unrelated content changes."""
    selector = POSITIONAL_PSEUDO_CLASS.sub("", selector)
    selector = ATTRIBUTE_VALUE.sub(r"[\1]", selector)
    selector = ID_OR_CLASS.sub(_normalize_name, selector)
    return WHITESPACE.sub(" ", selector).strip()


def target_text(target):
    """axe's node target (a list, nested for iframes and shadow roots) as one readable string."""
    parts = []
    for part in target:
        if isinstance(part, list):
            parts.append(" >>> ".join(str(piece) for piece in part))
        else:
            parts.append(str(part))
    return " | ".join(parts)


def fingerprint(rule_id, target, page_identity):
    """A short, stable hash naming one violation of one rule on one element of one page."""
    key = "\n".join((rule_id, page_identity, normalize_selector(target)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
