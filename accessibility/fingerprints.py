"""Fingerprints of violations: distinct elements stay distinct, unrelated edits change nothing.

A fingerprint hashes the rule, the page's identity (for a Wagtail page its translation key and
language, not its URL, so a new slug keeps it; else its path), the *normalized* target selector
and the element's *occurrence*: its rank among the same rule's violations with the same
normalized selector on that page, in document order. The element's HTML is left out: editing a
sentence or an image file must not turn an accepted violation into a new one.

Normalizing drops only what moves when content is added elsewhere, and keeps every name an
author wrote:

- positional pseudo-classes go (`ul > li:nth-child(3) > img` -> `ul > li > img`): adding a
  paragraph above shifts them;
- attribute values go (`img[src="/media/photo-1.png"]` -> `img[src]`): a new file name or link
  is an edit of content, not a new element;
- generated tokens inside ids and classes go: UUID-like and long hexadecimal runs, as in
  Wagtail's block ids (`#block-3f2a9c1d0e` -> `#block-*`);
- every other id and class is kept whole, digits included: `#t1`, `#t3` and `#t4` are three
  elements, so accepting the violation of `#t1` does not accept those of `#t3` and `#t4` added
  later (the old normalization dropped digits and accepted all three).

Where the normalized selectors of two elements are the same (two images without alt text in a
list, `ul > li:nth-child(2) > img` and `ul > li:nth-child(3) > img`), the occurrence keeps them
apart: `ul > li > img` #1 and #2. A baseline accepting one of them therefore accepts one: a
second such image added later is #2 and fails the run, while a paragraph added above the list
changes neither fingerprint. (If the new image is added *before* the accepted one, the new one
takes #1 and the old one #2: the run still fails on exactly one new violation.)
"""

import hashlib
import re

POSITIONAL_PSEUDO_CLASS = re.compile(r":nth-(?:last-)?(?:child|of-type)\([^)]*\)")
ATTRIBUTE_VALUE = re.compile(r"\[([\w:-]+)[~|^$*]?=(?:\"[^\"]*\"|'[^']*'|[^\]]*)\]")
ID_OR_CLASS = re.compile(r"([#.])((?:\\.|[\w-])+)")
# A UUID, or a run of 8+ hexadecimal characters holding a digit: generated, not written.
GENERATED_TOKEN = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|(?<![0-9a-z])(?=[0-9a-f]*\d)[0-9a-f]{8,}(?![0-9a-z])",
    re.IGNORECASE,
)
WHITESPACE = re.compile(r"\s+")
FRAME_SEPARATOR = " | "
SHADOW_SEPARATOR = " >>> "


def _normalize_name(match):
    sign, name = match.groups()
    return sign + GENERATED_TOKEN.sub("*", name)


def normalize_selector(selector):
    """The selector without the parts that move when unrelated content changes."""
    selector = POSITIONAL_PSEUDO_CLASS.sub("", selector)
    selector = ATTRIBUTE_VALUE.sub(r"[\1]", selector)
    selector = ID_OR_CLASS.sub(_normalize_name, selector)
    return WHITESPACE.sub(" ", selector).strip()


def target_text(target):
    """axe's node target as one readable string: the frames' selectors first, separated by
    ' | ' (`#outer-frame | #inner-frame | img`), shadow roots by ' >>> '."""
    parts = []
    for part in target:
        if isinstance(part, list):
            parts.append(SHADOW_SEPARATOR.join(str(piece) for piece in part))
        else:
            parts.append(str(part))
    return FRAME_SEPARATOR.join(parts)


def fingerprint(rule_id, target, page_identity, occurrence=1):
    """A short, stable hash naming one violation of one rule on one element of one page.

    `occurrence` is the element's rank (from 1) among the rule's violations on the page whose
    normalized selectors are the same (see `Occurrences`).
    """
    key = "\n".join((rule_id, page_identity, normalize_selector(target), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


class Occurrences:
    """Counts, for one page, how often each (rule, normalized selector) has been seen."""

    def __init__(self):
        self.seen = {}

    def next(self, rule_id, target):
        key = (rule_id, normalize_selector(target))
        self.seen[key] = self.seen.get(key, 0) + 1
        return self.seen[key]
