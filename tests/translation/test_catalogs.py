"""The interface translations: every marked string translated in az and ru, nothing left fuzzy."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

TRANSLATED_LANGUAGES = ("az", "ru")
CATALOG_DIR = Path(settings.BASE_DIR) / "locale"
NOT_SOURCE = (".venv", "node_modules", "var", ".git", ".pytest_cache", ".ruff_cache", "locale")


def catalog(language):
    return polib.pofile(str(CATALOG_DIR / language / "LC_MESSAGES" / "django.po"))


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid)


def describe(entry):
    where = ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:3])
    return f"{entry.msgid!r} ({where or 'no source'})"


@pytest.fixture(scope="module")
def marked_strings(tmp_path_factory):
    """Every string marked for translation in the code today, extracted into a scratch copy."""
    project = tmp_path_factory.mktemp("messages") / "project"
    shutil.copytree(
        settings.BASE_DIR, project, ignore=shutil.ignore_patterns(*NOT_SOURCE, "__pycache__")
    )
    (project / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "az", "--no-obsolete", "-v0"],
        cwd=project,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    extracted = polib.pofile(str(project / "locale" / "az" / "LC_MESSAGES" / "django.po"))
    return {entry_key(entry): entry for entry in extracted}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(language):
    po = catalog(language)
    untranslated = [describe(e) for e in po.untranslated_entries()]
    fuzzy = [describe(e) for e in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated entries: {untranslated}"
    assert not fuzzy, f"{language}: fuzzy entries: {fuzzy}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_plural_entries_have_every_form_of_the_language(language):
    po = catalog(language)
    expected_forms = {"az": 2, "ru": 3}[language]
    assert f"nplurals={expected_forms};" in po.metadata["Plural-Forms"]
    for entry in po:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(index, "") for index in range(expected_forms)]
            assert all(forms), f"{language}: a plural form is empty in {describe(entry)}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalog_compiles_with_matching_placeholders(language):
    """msgfmt --check rejects a translation whose %(name)s placeholders differ from the source."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", CATALOG_DIR / language / "LC_MESSAGES/django.po"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_marked_string_in_the_code_is_in_the_catalog(language, marked_strings):
    in_catalog = {entry_key(entry) for entry in catalog(language) if not entry.obsolete}
    missing = [describe(entry) for key, entry in marked_strings.items() if key not in in_catalog]
    assert not missing, (
        f"{language}: strings marked in the code but missing from locale/{language}: {missing}. "
        "Run `manage.py makemessages -l az -l ru` (see the Makefile) and translate them."
    )


@pytest.mark.parametrize(
    ("language", "noun", "verb"),
    [("az", "Dərc", "Dərc et"), ("ru", "Публикация", "Опубликовать")],
)
def test_an_audit_started_by_publishing_says_so_with_a_noun_not_the_publish_button(
    language, noun, verb
):
    from django.utils import translation

    from accessibility.models import AuditRun

    with translation.override(language):
        assert str(AuditRun.Trigger.PUBLISH.label) == noun
        assert translation.gettext("Publish") == verb  # Wagtail's button keeps its verb
