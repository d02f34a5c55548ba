"""The status check: reference number and e-mail give the status only, and nothing to guess with."""

import re

import pytest

from complaints.models import Status
from complaints.submission import create_complaint
from tests.complaints.conftest import VALID_ANSWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint():
    complaint = create_complaint(VALID_ANSWERS, "en")
    complaint.status = Status.IN_REVIEW
    complaint.save()
    return complaint


def answer(response):
    html = response.content.decode()
    match = re.search(r'<div class="notice" role="status">(.*?)</div>', html, re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else None


def test_the_right_reference_and_email_show_the_status_only(client, complaint_site, complaint):
    url = complaint_site.url("en", "check")
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store, private"
    response = client.post(url, {"reference": complaint.reference, "email": "LEYLA@example.org"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    assert answer(response) == f"<p>Complaint {complaint.reference}: <strong>In review</strong></p>"
    html = response.content.decode()
    for personal in ("Leyla", "pension", "District housing"):
        assert personal not in html


def test_a_wrong_reference_and_a_wrong_email_get_the_same_answer(client, complaint_site, complaint):
    url = complaint_site.url("en", "check")
    wrong_email = client.post(url, {"reference": complaint.reference, "email": "x@example.org"})
    wrong_reference = client.post(url, {"reference": "2026-999999", "email": "leyla@example.org"})
    assert wrong_email.status_code == wrong_reference.status_code == 200
    assert answer(wrong_email) == answer(wrong_reference)
    assert "We found no complaint" in answer(wrong_email)
    same_shape = [
        re.sub(
            r'2026-\d{6}|[\w.]+@example\.org|name="csrfmiddlewaretoken" value="[^"]+"',
            "X",
            r.content.decode(),
        )
        for r in (wrong_email, wrong_reference)
    ]
    assert same_shape[0] == same_shape[1]


def test_the_answer_is_in_the_visitors_language(client, complaint_site, complaint):
    response = client.post(
        complaint_site.url("ru", "check"),
        {"reference": complaint.reference, "email": "leyla@example.org"},
    )
    assert "На рассмотрении" in answer(response)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"reference": "123", "email": "leyla@example.org"},
        {"reference": "x" * 500, "email": "@"},
    ],
)
def test_bad_input_is_a_clear_400_with_the_error_summary(client, complaint_site, data):
    response = client.post(complaint_site.url("en", "check"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<div class="error-summary"' in html
    assert 'aria-invalid="true"' in html
