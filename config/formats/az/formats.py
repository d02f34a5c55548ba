"""Azerbaijani dates: "13 fevral 2020", day first, month in lower case.

Django's own Azerbaijani module already orders the date this way; the lower-case month names
come from our catalog (see `config/formats/month_names.py`). Numbers: "1 234,5".
"""

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space, so that a number never wraps
NUMBER_GROUPING = 3
