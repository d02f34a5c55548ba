"""Catalogs and demo content follow docs/glossary.md: no forbidden variant, no hand-fixed suffix."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from core.az_grammar import ordinal, with_copula

BASE_DIR = Path(settings.BASE_DIR)
GLOSSARY = BASE_DIR / "docs" / "glossary.md"
CATALOGS = {
    "az": [
        BASE_DIR / "locale" / "az" / "LC_MESSAGES" / "django.po",
        BASE_DIR / "locale" / "admin" / "az" / "django.po",
        BASE_DIR / "locale" / "admin" / "az" / "djangojs.po",
    ],
    "ru": [BASE_DIR / "locale" / "ru" / "LC_MESSAGES" / "django.po"],
}
DEMO_MODULES = [
    "home/demo_statement.py",
    "home/demo.py",
    "news/demo.py",
    "news/demo_documents.py",
    "news/demo_content/*.py",
    "institution/demo/*.py",
]
# The complaint form's demo texts are being replaced by the complaints app; it follows the
# glossary from its first commit.
NOT_YET_FOLLOWING = {"institution/demo/complaint_texts.py"}

# A number in digits (with thin or non-breaking spaces between groups) and an ordinal or copula
# suffix: "2023-cü", "12 418-dir".
NUMBER_WITH_SUFFIX = re.compile(r"(?<![\w.,])(\d(?:[\d\u00a0\u202f ]*\d)?)-(c[ıiuü]|d[ıiuü]r)\b")
# A suffix fixed after a placeholder cannot follow the number it will hold.
SUFFIX_AFTER_PLACEHOLDER = re.compile(r"(%\(\w+\)[sd]|%[sd]|\{\w*\})-(c[ıiuü]|d[ıiuü]r)\b")


def forbidden_variants():
    """(language, compiled pattern, advice) for each row of the glossary's last table."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## Forbidden variants", 1)[1]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 3 and cells[1].startswith("`"):
            rows.append((cells[0], re.compile(cells[1].strip("`")), cells[2]))
    return rows


def catalog_texts():
    """(language, where, text) for every translation in our catalogs and every English msgid."""
    for language, paths in CATALOGS.items():
        for path in paths:
            for entry in polib.pofile(str(path)):
                where = f"{path.relative_to(BASE_DIR)}: {entry.msgid[:60]!r}"
                translations = [entry.msgstr, *entry.msgstr_plural.values()]
                for text in filter(None, translations):
                    yield language, where, text
                yield "en", where, entry.msgid


def demo_files():
    found = set()
    for pattern in DEMO_MODULES:
        found.update(BASE_DIR.glob(pattern))
    return sorted(
        path for path in found if str(path.relative_to(BASE_DIR)) not in NOT_YET_FOLLOWING
    )


def demo_strings():
    """(where, text, node) for every string literal of the demo-content modules."""
    for path in demo_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(BASE_DIR)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield where, node.value, node
            elif isinstance(node, ast.JoinedStr):
                yield where, None, node


def language_of(text):
    """Cyrillic is ru; Latin with an Azerbaijani letter is az; other Latin text may be either."""
    if re.search("[а-яёА-ЯЁ]", text):
        return {"ru"}
    # No re.IGNORECASE: it makes "ı" match the English "I".
    if re.search("[əğıöüçşƏĞİÖÜÇŞ]", text):
        return {"az"}
    return {"az", "en"}


def suffix_mistakes(text):
    """Every number whose ordinal or copula suffix is not the one vowel harmony gives."""
    mistakes = []
    for digits, suffix in NUMBER_WITH_SUFFIX.findall(text):
        number = int(re.sub(r"\D", "", digits))
        expected = ordinal(number) if suffix.startswith("c") else with_copula(number)
        written = f"{digits}-{suffix}"
        if expected.split("-")[1] != suffix:
            mistakes.append(f"{written} (should be {expected})")
    mistakes += [
        f"{placeholder}-{suffix}" for placeholder, suffix in SUFFIX_AFTER_PLACEHOLDER.findall(text)
    ]
    return mistakes


def fixed_suffix_after_value(before, after):
    """In an f-string, `{year}-ci`: the suffix is fixed whatever the value."""
    return (
        isinstance(before, ast.FormattedValue)
        and isinstance(after, ast.Constant)
        and bool(re.match(r"-(c[ıiuü]|d[ıiuü]r)\b", str(after.value)))
    )


def test_an_f_string_with_a_fixed_suffix_is_caught():
    fixed = ast.parse('f"{year}-ci il"').body[0].value.values
    generated = ast.parse('f"{ordinal(year)} il"').body[0].value.values
    assert fixed_suffix_after_value(*fixed)
    assert not fixed_suffix_after_value(generated[0], generated[1])


def test_the_glossary_names_the_terms_everyone_must_share():
    text = GLOSSARY.read_text(encoding="utf-8")
    for term in (
        "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman)",
        "Конституционный закон Азербайджанской Республики",
        "azadlıqdan məhrumetmə yerləri",
        "Web Content Accessibility Guidelines (WCAG)",
        "программа экранного доступа",
        "şikayət",
        "illik məruzə",
        "ежегодный доклад",
    ):
        assert term in text, term
    assert len(forbidden_variants()) >= 15


@pytest.mark.parametrize(
    ("text", "mistakes"),
    [
        ("2023-ci il", ["2023-ci (should be 2023-cü)"]),
        ("2023-cü il, 2020-ci il, 2026-cı il", []),
        ("sayı 40-dir", ["40-dir (should be 40-dır)"]),
        ("12\u00a0000-ci", []),
        ("%(year)s-ci ilə", ["%(year)s-ci"]),
        ("{year}-cü il", ["{year}-cü"]),
    ],
)
def test_the_suffix_check_catches_what_it_must(text, mistakes):
    """The check itself: a wrong suffix and any suffix fixed after a placeholder are caught."""
    assert suffix_mistakes(text) == mistakes


def test_the_forbidden_variants_match_what_they_forbid():
    samples = {
        "məhrum edilən yer": "azadlıqdan məhrum edilən yerlərə",
        r"\bformu(nu)?\b": "bu formu doldurun",
        "Омбудсман": "по правам человека (Омбудсман)",
        "Bazar": "məsələn: Bazar ertəsi–Cümə",
    }
    patterns = forbidden_variants()
    for fragment, sample in samples.items():
        assert any(
            fragment in pattern.pattern and pattern.search(sample) for _, pattern, _ in patterns
        )


def test_catalogs_use_no_forbidden_variant_and_no_fixed_suffix():
    patterns = forbidden_variants()
    problems = []
    for language, where, text in catalog_texts():
        for pattern_language, pattern, advice in patterns:
            if pattern_language == language and pattern.search(text):
                problems.append(f"{where}: “{pattern.pattern}” in {text!r}; use: {advice}")
        if language == "az":
            problems += [f"{where}: {mistake}" for mistake in suffix_mistakes(text)]
    assert not problems, "Against docs/glossary.md:\n" + "\n".join(problems)


def test_demo_content_uses_no_forbidden_variant_and_no_fixed_suffix():
    patterns = forbidden_variants()
    problems = []
    for where, text, node in demo_strings():
        if text is None:
            # An f-string: a suffix written right after {…} is fixed whatever the number.
            parts = node.values
            for before, after in zip(parts, parts[1:], strict=False):
                if fixed_suffix_after_value(before, after):
                    problems.append(f"{where}: a suffix fixed after a value: {after.value!r}")
            continue
        languages = language_of(text)
        for pattern_language, pattern, advice in patterns:
            if pattern_language in languages and pattern.search(text):
                problems.append(f"{where}: “{pattern.pattern}” in {text[:80]!r}; use: {advice}")
        problems += [f"{where}: {mistake}" for mistake in suffix_mistakes(text)]
    assert not problems, "Against docs/glossary.md:\n" + "\n".join(problems)


def test_english_text_is_not_taken_for_azerbaijani():
    assert language_of("In 2022 I presented the report") == {"az", "en"}
    assert language_of("İllik məruzə") == {"az"}


def test_the_demo_scan_reads_every_language_of_the_demo():
    """Guard against a scan that silently reads nothing (a moved module, a new folder)."""
    texts = [text for _, text, _ in demo_strings() if text]
    assert any("azadlıqdan məhrumetmə yerləri" in text for text in texts)
    assert any("программы экранного доступа" in text for text in texts)
    assert len(demo_files()) >= 10
