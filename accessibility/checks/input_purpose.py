"""Input purpose (WCAG 1.3.5): fields asking for the visitor's name, e-mail, phone, address...
must say so with a suitable `autocomplete` token.

A field's purpose is recognised by its `type`, its `name` or `id` (strong signals), or by its
label, `aria-label`, placeholder or title in Azerbaijani, English or Russian. A field whose purpose
is recognised without a suitable token is a violation; a field that may ask about someone else
(an organisation) is left for review. Hidden, disabled and read-only fields are not judged.
"""

import re

from django.utils.translation import gettext_lazy as _

from .dom import script
from .findings import NEEDS_REVIEW, VIOLATION, Finding

RULES = {
    "input-purpose-autocomplete": "1.3.5",
    "input-purpose-review": "1.3.5",
}
RULE, REVIEW_RULE = RULES
MISSING_HELP = _(
    "A field asking for the visitor's own data must name its purpose with a suitable "
    "autocomplete value."
)
REVIEW_HELP = _(
    "This field may ask for the visitor's own data: if so, name its purpose with an autocomplete "
    "value."
)

FIELDS_SCRIPT = script(r"""
var skipped = ['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file',
               'range', 'color', 'search'];
var fields = [];
document.querySelectorAll('input, select, textarea').forEach(function (el) {
  var type = (el.getAttribute('type') || el.localName).toLowerCase();
  if (el.localName === 'input' && skipped.indexOf(type) !== -1) return;
  if (el.disabled || el.readOnly || !A11Y.visible(el)) return;
  var labels = [];
  (el.labels || []).forEach(function (label) { labels.push(A11Y.text(label)); });
  (el.getAttribute('aria-labelledby') || '').split(/\s+/).forEach(function (id) {
    var node = id && document.getElementById(id);
    if (node) labels.push(A11Y.text(node));
  });
  ['aria-label', 'placeholder', 'title'].forEach(function (name) {
    if (el.getAttribute(name)) labels.push(el.getAttribute(name));
  });
  fields.push({
    selector: A11Y.selector(el),
    html: A11Y.snippet(el.cloneNode(false)),
    type: type,
    name: el.getAttribute('name') || '',
    id: el.id || '',
    label: labels.join(' | '),
    autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase()
  });
});
return fields;
""")


class Purpose:
    def __init__(self, name, tokens, *, types=(), names=None, labels=None, review_only=False):
        self.name = name
        self.tokens = frozenset(tokens)
        self.types = frozenset(types)
        self.names = re.compile(names, re.IGNORECASE) if names else None
        self.labels = re.compile(labels, re.IGNORECASE) if labels else None
        self.review_only = review_only


# Word edges inside names and ids: start, end, "_", "-", or a camelCase step (handled by case).
EDGE_START = r"(?:^|[_\-\[\.])"
EDGE_END = r"(?:$|[_\-\]\.])"
# A label may start with "your" (en), "sizin" (az), "ваш/ваше/ваша" (ru).
YOUR = r"^\W*(?:your\s+|sizin\s+|ваш[аеи]?\s+)?"
TEL_TOKENS = (
    "tel",
    "tel-national",
    "tel-local",
    "tel-country-code",
    "tel-area-code",
    "tel-local-prefix",
    "tel-local-suffix",
    "tel-extension",
)
# In order: the first purpose that matches a field is its purpose (e-mail before "address").
PURPOSES = (
    Purpose(
        "e-mail",
        ["email"],
        types=["email"],
        names=EDGE_START + r"e[_\-]?mail" + EDGE_END,
        labels=r"e-?mail|e-?poçt|elektron\s+poçt|электронн\w*\s+почт|почт\w*\s+адрес|\bemail\b",
    ),
    Purpose(
        "telephone",
        TEL_TOKENS,
        types=["tel"],
        names=EDGE_START + r"(?:tel|phone|telephone|mobile|mobil)" + EDGE_END,
        labels=r"phone|telefon|mobil|телефон",
    ),
    Purpose(
        "postal code",
        ["postal-code"],
        names=EDGE_START + r"(?:postal[_\-]?code|post[_\-]?code|zip(?:[_\-]?code)?)" + EDGE_END,
        labels=r"postal\s+code|post\s*code|zip\s+code|poçt\s+indeksi|почтов\w*\s+индекс|^\W*индекс",
    ),
    Purpose(
        "username",
        ["username", "email"],
        names=EDGE_START + r"(?:user[_\-]?name|login)" + EDGE_END,
        labels=r"user\s*name|istifadəçi\s+adı|имя\s+пользователя|логин",
    ),
    Purpose(
        "given name",
        ["given-name", "name"],
        names=EDGE_START + r"(?:first[_\-]?name|given[_\-]?name|fname)" + EDGE_END,
        labels=YOUR + r"(?:first\s+name|given\s+name|adınız\W*$|ad\W*$|имя\W*$)",
    ),
    Purpose(
        "family name",
        ["family-name", "name"],
        names=EDGE_START + r"(?:last[_\-]?name|family[_\-]?name|surname|lname)" + EDGE_END,
        labels=YOUR + r"(?:last\s+name|family\s+name|surname|soyad|фамилия\W*$)",
    ),
    Purpose(
        "name",
        ["name"],
        names=r"^(?:full[_\-]?)?name$|" + EDGE_START + r"full[_\-]?name" + EDGE_END,
        labels=YOUR + r"(?:full\s+name|name\b|ad\W+soyad|adınız\s+(?:və|,)\s*soyadınız|"
        r"ad,\s*soyad|soyadı,?\s+adı|ф\.?\s*и\.?\s*о\b|фамилия,?\s+имя|имя\b)",
    ),
    Purpose(
        "street address",
        ["street-address", "address-line1", "address-line2", "address-line3"],
        names=EDGE_START + r"(?:address|street)(?:[_\-]?line\d)?" + EDGE_END,
        labels=YOUR + r"(?:(?:postal\s+|home\s+|street\s+)?address|ünvan|yaşayış\s+yeri|адрес)",
    ),
    Purpose(
        "city",
        ["address-level2"],
        names=EDGE_START + r"(?:city|town)" + EDGE_END,
        labels=YOUR + r"(?:city|town|şəhər|город)\W*$",
    ),
    Purpose(
        "country",
        ["country", "country-name"],
        names=EDGE_START + r"country" + EDGE_END,
        labels=YOUR + r"(?:country|ölkə|страна)\W*$",
    ),
    Purpose(
        "date of birth",
        ["bday", "bday-day", "bday-month", "bday-year"],
        names=EDGE_START
        + r"(?:birth[_\-]?date|date[_\-]?of[_\-]?birth|bday|dob|birthday)"
        + EDGE_END,
        labels=r"date\s+of\s+birth|birthday|doğum\s+tarixi|дата\s+рождения",
    ),
    Purpose(
        "organisation",
        ["organization"],
        names=EDGE_START + r"(?:organi[sz]ation|company)" + EDGE_END,
        labels=YOUR + r"(?:organi[sz]ation|company|təşkilat|şirkət|организаци|компани)",
        review_only=True,
    ),
)


def field_token(autocomplete):
    """The autocomplete field name of an attribute value ("section-a shipping email" -> email)."""
    tokens = [t for t in autocomplete.split() if t != "webauthn"]
    return tokens[-1] if tokens else ""


def split_camel_case(text):
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", text)


def purpose_of(field):
    """(purpose, how it was recognised) of a field, or (None, "")."""
    for purpose in PURPOSES:
        if field["type"] in purpose.types:
            return purpose, f'type="{field["type"]}"'
        for attribute in ("name", "id"):
            value = split_camel_case(field[attribute])
            if purpose.names and value and purpose.names.search(value):
                return purpose, f'{attribute}="{field[attribute]}"'
    for purpose in PURPOSES:
        if purpose.labels and field["label"] and purpose.labels.search(field["label"].strip()):
            return purpose, f"label “{field['label'][:80]}”"
    return None, ""


def check_input_purpose(driver, context):
    """Fields asking for the visitor's own data without a suitable autocomplete token."""
    findings = []
    for field in driver.execute_script(FIELDS_SCRIPT):
        purpose, recognised_by = purpose_of(field)
        if purpose is None:
            continue
        token = field_token(field["autocomplete"])
        if token in purpose.tokens:
            continue
        has = f'autocomplete="{field["autocomplete"]}"' if field["autocomplete"] else "none"
        findings.append(
            Finding(
                rule_id=REVIEW_RULE if purpose.review_only else RULE,
                criterion="1.3.5",
                impact="serious",
                target=field["selector"],
                html=field["html"],
                help=REVIEW_HELP if purpose.review_only else MISSING_HELP,
                failure_summary=(
                    f"Asks for: {purpose.name} (recognised by {recognised_by}); it has {has}; "
                    f"expected autocomplete: {' or '.join(sorted(purpose.tokens))}."
                ),
                kind=NEEDS_REVIEW if purpose.review_only else VIOLATION,
            )
        )
    return findings
