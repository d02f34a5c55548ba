"""Reference numbers: 2026-000123, in order, unique per year even when complaints arrive at once."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from complaints.models import Complaint
from complaints.submission import create_complaint

BAKU = ZoneInfo("Asia/Baku")
ANSWERS = {
    "name": "A",
    "email": "a@example.org",
    "authority": "B",
    "what_happened": "C",
    "when_happened": "D",
    "outcome_sought": "E",
    "court_involvement": "no",
}


@pytest.mark.django_db
def test_numbers_follow_each_other_and_start_again_each_year():
    first = create_complaint(ANSWERS, "az", now=datetime(2026, 12, 31, 23, 0, tzinfo=BAKU))
    second = create_complaint(ANSWERS, "en", now=datetime(2026, 12, 31, 23, 30, tzinfo=BAKU))
    # Just after midnight in Baku (still 2026 in UTC): the new year's first number.
    third = create_complaint(ANSWERS, "ru", now=datetime(2027, 1, 1, 0, 5, tzinfo=BAKU))
    assert [first.reference, second.reference, third.reference] == [
        "2026-000001",
        "2026-000002",
        "2027-000001",
    ]


# Serialized rollback, like the suite's other transactional tests: the flush at its end must
# not leave content types with new ids for the next test that restores the serialized database.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_complaints_at_the_same_moment_get_different_numbers():
    start = threading.Barrier(2)
    references, errors = [], []

    def submit():
        try:
            start.wait(timeout=10)
            complaint = create_complaint(ANSWERS, "az", now=datetime(2026, 5, 1, tzinfo=BAKU))
            references.append(complaint.reference)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert sorted(references) == ["2026-000001", "2026-000002"]
    assert Complaint.objects.count() == 2
