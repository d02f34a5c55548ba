"""Azerbaijani suffixes after a number written in digits, following vowel harmony.

A suffix after digits harmonises with the last word of the number as it is read aloud:
2023 is "iki min iyirmi üç", so its ordinal is "2023-cü" (üçüncü); 2026 ends in "altı", so
"2026-cı" (altıncı); 100 is "yüz", so "100-cü" (yüzüncü). A fixed "-ci"/"-dir" is wrong for
most numbers, so content and code generate these suffixes here instead of writing them by hand.
"""

# The last word read aloud for each final non-zero digit, ten, and power of ten.
UNIT_WORDS = {
    1: "bir",
    2: "iki",
    3: "üç",
    4: "dörd",
    5: "beş",
    6: "altı",
    7: "yeddi",
    8: "səkkiz",
    9: "doqquz",
}
TEN_WORDS = {
    1: "on",
    2: "iyirmi",
    3: "otuz",
    4: "qırx",
    5: "əlli",
    6: "altmış",
    7: "yetmiş",
    8: "səksən",
    9: "doxsan",
}
# A round number is read ending in its largest group word below the next group:
# 1100 "min yüz", 21 000 "iyirmi bir min", 3 000 000 "üç milyon".
GROUP_WORDS = ((1000, "yüz"), (10**6, "min"), (10**9, "milyon"), (10**12, "milyard"))

# A suffix's vowel follows the word's last vowel: front/back and rounded/unrounded.
HARMONY = {
    "a": "ı",
    "ı": "ı",
    "o": "u",
    "u": "u",
    "e": "i",
    "ə": "i",
    "i": "i",
    "ö": "ü",
    "ü": "ü",
}


def last_word_read_aloud(number):
    """The last word of `number` read in Azerbaijani ("üç" for 2023, "yüz" for 1100)."""
    number = abs(int(number))
    if number == 0:
        return "sıfır"
    if number % 10:
        return UNIT_WORDS[number % 10]
    if number % 100:
        return TEN_WORDS[number % 100 // 10]
    for group_end, word in GROUP_WORDS:
        if number % group_end:
            return word
    raise ValueError(f"{number} is too large to read aloud here")


def harmonic_vowel(word):
    """The suffix vowel (ı, i, u or ü) that follows `word`'s last vowel."""
    for letter in reversed(word):
        if letter in HARMONY:
            return HARMONY[letter]
    raise ValueError(f"{word!r} has no vowel to harmonise with")


def ordinal(number):
    """`number` as an ordinal in digits: "2023-cü", "2020-ci", "2026-cı", "10-cu"."""
    return f"{number}-c{harmonic_vowel(last_word_read_aloud(number))}"


def with_copula(number):
    """`number` followed by the copula "is": "3-dür", "5-dir", "6-dır", "10-dur"."""
    return f"{number}-d{harmonic_vowel(last_word_read_aloud(number))}r"
