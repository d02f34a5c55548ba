"""Reference numbers such as 2026-000123: one counter row per year, incremented under a lock."""

import time

from django.db import IntegrityError, OperationalError, models, transaction
from django.db.models import F

# SQLite refuses a second writer at once ("database is locked") instead of waiting like
# PostgreSQL does; the allocation is retried a few times with a short pause.
ALLOCATION_ATTEMPTS = 20
RETRY_PAUSE_SECONDS = 0.05


class ReferenceCounter(models.Model):
    """The last number given out in a year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def format_reference(year, number):
    return f"{year}-{number:06d}"


def allocate_number(year):
    """The next number of `year`, unique even when several complaints arrive at once.

    The increment is one `UPDATE … SET last_number = last_number + 1`: PostgreSQL makes a
    concurrent writer wait for the row lock and then see the incremented value; the first
    complaint of a year creates the row, and a concurrent creation falls back to the update.
    Call it inside the transaction that saves the complaint, so a failed save gives the
    number back.
    """
    for attempt in range(ALLOCATION_ATTEMPTS):
        try:
            with transaction.atomic():
                counter = ReferenceCounter.objects.filter(year=year)
                if not counter.update(last_number=F("last_number") + 1):
                    ReferenceCounter.objects.create(year=year, last_number=1)
                return counter.values_list("last_number", flat=True).get()
        except IntegrityError:
            continue  # another complaint created the year's row first: increment it instead
        except OperationalError as error:
            if "locked" not in str(error) or attempt == ALLOCATION_ATTEMPTS - 1:
                raise
            time.sleep(RETRY_PAUSE_SECONDS * (attempt + 1))
    raise RuntimeError(f"No reference number could be allocated for {year}.")
