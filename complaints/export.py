"""Spreadsheet cells that cannot run as formulas: a text starting with = + - @ tab or CR is
prefixed with an apostrophe, which spreadsheet programs show as text (OWASP's advice)."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
