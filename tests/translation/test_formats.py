"""Dates, numbers and plural forms as readers of each language expect them."""

import datetime

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation
from django.utils.translation import ngettext

SEED_ARTICLE_DATE = datetime.date(2020, 2, 13)


def render_date(language, value, format_name="DATE_FORMAT"):
    """A date rendered the way the templates do: {{ date|date:"DATE_FORMAT" }}."""
    with translation.override(language):
        return Template(f'{{{{ value|date:"{format_name}" }}}}').render(Context({"value": value}))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("az", "13 fevral 2020"), ("ru", "13 февраля 2020"), ("en", "13 February 2020")],
)
def test_article_dates_read_naturally_in_each_language(language, expected):
    assert render_date(language, SEED_ARTICLE_DATE) == expected


@pytest.mark.parametrize(
    ("language", "expected_months"),
    [
        ("az", ["yanvar", "may", "avqust", "dekabr"]),
        ("ru", ["января", "мая", "августа", "декабря"]),
    ],
)
def test_every_month_is_spelled_as_inside_a_date(language, expected_months):
    dates = [datetime.date(2024, month, 1) for month in (1, 5, 8, 12)]
    assert [render_date(language, date).split()[1] for date in dates] == expected_months


def test_azerbaijani_month_and_year_is_lower_case():
    assert render_date("az", SEED_ARTICLE_DATE, "YEAR_MONTH_FORMAT") == "fevral 2020"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("az", "12\xa0345,5"), ("ru", "12\xa0345,5"), ("en", "12,345.5")],
)
def test_numbers_use_the_languages_separators(language, expected):
    with translation.override(language):
        assert formats.number_format(12345.5, 1, force_grouping=True) == expected


def plural_entries(language):
    po = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES/django.po"))
    return [entry for entry in po if entry.msgid_plural and not entry.obsolete]


@pytest.mark.parametrize(
    ("count", "form"),
    [(1, 0), (21, 0), (2, 1), (4, 1), (22, 1), (5, 2), (11, 2), (12, 2), (14, 2), (100, 2)],
)
def test_russian_counts_take_the_right_plural_form(count, form):
    """1 статья, 21 статья; 2 статьи; 5, 11 and 100 статей: every plural entry, every form."""
    entries = plural_entries("ru")
    assert entries, "the Russian catalog has no plural entries to check"
    with translation.override("ru"):
        for entry in entries:
            assert ngettext(entry.msgid, entry.msgid_plural, count) == entry.msgstr_plural[form]


@pytest.mark.parametrize(("count", "form"), [(1, 0), (2, 1), (601, 1)])
def test_azerbaijani_counts_take_the_right_plural_form(count, form):
    entries = plural_entries("az")
    assert entries
    with translation.override("az"):
        for entry in entries:
            assert ngettext(entry.msgid, entry.msgid_plural, count) == entry.msgstr_plural[form]
