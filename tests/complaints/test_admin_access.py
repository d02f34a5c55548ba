"""Only complaint officers and superusers reach complaints, through every admin URL.

The URLs are read from the URL configuration (every route of the complaints admin), so a view
added later is attacked too. Editors, moderators, each translator group, accessibility reviewers
and a user holding every permission except the complaint ones are refused on each of them.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import ModelLogEntry

from complaints.models import Complaint, ComplaintAttachment
from core.translators import setup_translator_groups
from tests.complaints.conftest import LANGUAGES, VALID_ANSWERS, client_for, make_user

pytestmark = pytest.mark.django_db

PERSONAL_DATA = ("Leyla", "leyla@example.org", "pension", "Nizami", "+994 50")


def complaint_url_names():
    """Every route name of the complaints admin namespace."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace == "complaints" and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns, None)
    return sorted(names)


@pytest.fixture
def complaints(client, complaint_site, django_capture_on_commit_callbacks):
    pdf = SimpleUploadedFile("evidence.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    for language in LANGUAGES:
        answers = {**VALID_ANSWERS, "attachments": [pdf] if language == "az" else []}
        assert client.post(complaint_site.url(language), answers).status_code == 302
        pdf.seek(0)
    return list(Complaint.objects.all())


def admin_urls(complaint):
    """(method, url) of every complaints admin route, with exports and form posts."""
    attachment = ComplaintAttachment.objects.first()
    urls = []
    for name in complaint_url_names():
        if name in ("index", "index_results"):
            url = reverse(f"complaints:{name}")
            urls += [("get", url), ("get", url + "?export=csv"), ("get", url + "?export=xlsx")]
            urls += [("get", url + "?q=Leyla")]
            continue
        pk = attachment.pk if name == "attachment" else complaint.pk
        url = reverse(f"complaints:{name}", args=[pk])
        urls.append(("get", url))
        if name in ("edit", "delete"):
            urls.append(("post", url))
    return urls


def non_officers(complaint_site):
    """Every kind of staff member who must not see complaints."""
    translators = setup_translator_groups()
    users = {
        "editor": make_user("editor", groups=[Group.objects.get(name="Editors")]),
        "moderator": make_user("moderator", groups=[Group.objects.get(name="Moderators")]),
        "accessibility reviewer": make_user(
            "reviewer",
            permissions=[
                ("wagtailadmin", "access_admin"),
                ("accessibility", "view_audit_report"),
                ("accessibility", "start_audit_run"),
            ],
        ),
    }
    for code, group in translators.items():
        users[f"translator ({code})"] = make_user(f"translator-{code}", groups=[group])
    everything_else = make_user("almost-everything")
    everything_else.user_permissions.set(
        Permission.objects.exclude(content_type__app_label="complaints")
    )
    users["every permission but complaints"] = everything_else
    return users


def non_officers_again():
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.exclude(username__in=["officer", "chief"])
    return [(user.username, user) for user in staff]


def assert_refused(response, who, method, url):
    where = f"{who}: {method.upper()} {url}"
    if response.status_code == 302:
        location = response["Location"]
        # Wagtail answers a refusal with its home page and a message, or the login page.
        assert location == "/admin/" or location.startswith("/admin/login/"), where
    else:
        assert response.status_code in (403, 404), f"{where} answered {response.status_code}"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    for personal in PERSONAL_DATA:
        assert personal.encode() not in body, f"{where} shows {personal}"


def test_every_complaint_url_refuses_every_non_officer(
    client, complaint_site, complaints, superuser
):
    # An officer's visit puts the case in Wagtail's log; the others must not see that either.
    client_for(superuser).get(reverse("complaints:edit", args=[complaints[0].pk]))
    assert ModelLogEntry.objects.filter(action="complaints.view").count() == 1
    names = complaint_url_names()
    assert {"index", "index_results", "edit", "delete", "history", "attachment"} <= set(names)
    urls = admin_urls(complaints[0])
    references = [complaint.reference for complaint in complaints]
    for who, user in non_officers(complaint_site).items():
        staff_client = client_for(user)
        # Wagtail's own log viewer does not list complaint entries for them either.
        history = staff_client.get("/admin/reports/site-history/").content.decode()
        assert not any(reference in history for reference in references), who
        for method, url in urls:
            response = getattr(staff_client, method)(
                url, {"status": "closed"} if method == "post" else None
            )
            assert_refused(response, who, method, url)
    anonymous = client
    for method, url in urls:
        response = getattr(anonymous, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert Complaint.objects.count() == 3  # nothing was deleted
    assert set(Complaint.objects.values_list("status", flat=True)) == {"received"}
    # A missing case gets the same refusal as an existing one: nothing to enumerate.
    for who, user in non_officers_again():
        for name in ("edit", "delete", "history", "attachment"):
            missing = client_for(user).get(reverse(f"complaints:{name}", args=[987654]))
            assert_refused(missing, who, "get", f"missing {name}")
    # No view, export, download or change by any of them was recorded: none happened.
    assert ModelLogEntry.objects.filter(action__startswith="complaints.").count() == 1


def test_officers_and_superusers_reach_every_complaint_url(complaints, officer, superuser):
    for user in (officer, superuser):
        staff_client = client_for(user)
        for method, url in admin_urls(complaints[0]):
            if method == "get":
                response = staff_client.get(url)
                assert response.status_code == 200, f"{user}: {url} answered {response.status_code}"
                assert "no-store" in response["Cache-Control"], url


def test_the_admin_menu_shows_complaints_to_officers_only(complaints, officer):
    editor = make_user("editor", groups=[Group.objects.get(name="Editors")])
    complaints_url = reverse("complaints:index")
    assert complaints_url in client_for(officer).get("/admin/").content.decode()
    assert complaints_url not in client_for(editor).get("/admin/").content.decode()


def test_complaints_never_appear_in_admin_search_explorer_reports_or_form_pages(
    complaints, superuser
):
    staff_client = client_for(superuser)
    detail = staff_client.get(reverse("complaints:edit", args=[complaints[0].pk]))
    assert b"Leyla" in detail.content  # the case view itself does show them
    for url in (
        "/admin/search/?q=Leyla",
        "/admin/pages/search/?q=Leyla",
        "/admin/pages/",
        "/admin/forms/",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/?action=complaints.view",
        "/admin/snippets/",
    ):
        response = staff_client.get(url)
        assert response.status_code in (200, 302), url
        # (A search page repeats its own query, "Leyla"; nothing else of the complaint.)
        for personal in PERSONAL_DATA[1:]:
            assert personal.encode() not in response.content, f"{url} shows {personal}"
    # The log viewer names the case by its reference number only.
    site_history = staff_client.get("/admin/reports/site-history/").content.decode()
    assert complaints[0].reference in site_history
