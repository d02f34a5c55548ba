"""Russian dates: "13 февраля 2020", without Django's trailing "г." (year abbreviation).

The site shows dates next to other text (a news card's meta line, a report's cover), where the
"г." reads as noise; the genitive month ("февраля") comes from Django's catalog.
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
