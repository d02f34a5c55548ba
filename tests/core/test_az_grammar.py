"""Azerbaijani suffixes after numbers follow vowel harmony and how the number is read aloud."""

import pytest

from core.az_grammar import last_word_read_aloud, ordinal, with_copula


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (2023, "2023-cü"),  # iki min iyirmi üç → üçüncü
        (2024, "2024-cü"),  # dörd → dördüncü
        (2020, "2020-ci"),  # iyirmi → iyirminci
        (2026, "2026-cı"),  # altı → altıncı
        (2001, "2001-ci"),  # bir → birinci
        (1, "1-ci"),
        (6, "6-cı"),
        (9, "9-cu"),  # doqquzuncu
        (10, "10-cu"),  # onuncu
        (30, "30-cu"),  # otuzuncu
        (40, "40-cı"),  # qırxıncı
        (60, "60-cı"),  # altmışıncı
        (70, "70-ci"),  # yetmişinci
        (90, "90-cı"),  # doxsanıncı
        (100, "100-cü"),  # yüzüncü
        (1100, "1100-cü"),  # min yüzüncü
        (2000, "2000-ci"),  # iki mininci
        (3_000_000, "3000000-cu"),  # üç milyonuncu
    ],
)
def test_ordinal_suffix_follows_the_last_word_read_aloud(number, expected):
    assert ordinal(number) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(3, "3-dür"), (5, "5-dir"), (6, "6-dır"), (10, "10-dur"), (12, "12-dir"), (40, "40-dır")],
)
def test_copula_suffix_follows_vowel_harmony(number, expected):
    assert with_copula(number) == expected


def test_zero_and_round_numbers_are_read_with_their_group_word():
    assert last_word_read_aloud(0) == "sıfır"
    assert last_word_read_aloud(500) == "yüz"
    assert last_word_read_aloud(21_000) == "min"
    assert last_word_read_aloud(2 * 10**9) == "milyard"
