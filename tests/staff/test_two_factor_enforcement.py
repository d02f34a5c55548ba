"""A password alone opens no admin URL to a superuser or a complaint officer."""

from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

from staff.middleware import SETUP_VIEW_NAME, UNVERIFIED_VIEW_NAMES
from tests.staff.admin_urls import argument_free_urls
from tests.staff.conftest import current_code, enrol, password_only_client

pytestmark = pytest.mark.django_db

SETUP_URL = reverse("staff_two_factor:setup")
VERIFY_URL = reverse("staff_two_factor:verify")

# Views that take arguments, one or more per admin app: pages, images, documents, snippets,
# settings, users, forms, redirects, workflows, localize (its JSON string API included), the
# accessibility report. Object ids need not exist: the guard answers before the view runs.
URLS_WITH_ARGUMENTS = [
    ("wagtailadmin_explore", [1]),
    ("wagtailadmin_pages:edit", [2]),
    ("wagtailadmin_pages:add_subpage", [2]),
    ("wagtailadmin_pages:history", [2]),
    ("wagtailadmin_pages:delete", [2]),
    ("wagtailadmin_pages:preview_on_edit", [2]),
    ("wagtailadmin_pages:unpublish", [2]),
    ("wagtailimages:edit", [1]),
    ("wagtaildocs:edit", [1]),
    ("wagtailsnippets_home_hotline:edit", [1]),
    ("wagtailsnippets_home_hotline:history", [1]),
    ("wagtailsettings:edit", ["home", "sitesettings", 1]),
    ("wagtailusers_users:edit", [1]),
    ("wagtailusers_groups:edit", [1]),
    ("wagtailredirects:edit", [1]),
    ("wagtailadmin_workflows:edit", [1]),
    ("wagtail_localize:edit_string_translation", [1, 1]),
    ("wagtail_localize:edit_override", [1, 1]),
    ("wagtail_localize:machine_translate", [1]),
    ("wagtail_localize:download_pofile", [1]),
    ("wagtail_localize:upload_pofile", [1]),
    ("wagtail_localize:preview_translation", [1]),
    ("wagtail_localize:stop_translation", [1]),
    ("wagtail_localize:update_translations", [1]),
    ("wagtail_localize:convert_to_alias", [2]),
    ("wagtail_localize:submit_page_translation", [2]),
    ("wagtail_localize:submit_snippet_translation", ["home", "hotline", 1]),
    ("wagtail_localize:snippets_api_listing", ["home", "hotline"]),
    ("wagtail_localize:snippets_api_detail", ["home", "hotline", 1]),
    ("wagtailadmin_api:pages:detail", [2]),
    ("accessibility_admin:report", []),
]


def guarded_admin_urls():
    """Every argument-free admin URL except the sign-in and verification screens, plus a sample
    of each app's URLs with arguments."""
    urls = [
        path
        for path, name in argument_free_urls("/admin/")
        if name not in UNVERIFIED_VIEW_NAMES and name != SETUP_VIEW_NAME
    ]
    urls += [reverse(name, args=args) for name, args in URLS_WITH_ARGUMENTS]
    return urls


def assert_sent_to(response, target, url):
    assert response.status_code == 302, f"{url} answered {response.status_code}"
    location = urlsplit(response["Location"])
    assert location.path == target, f"{url} redirected to {response['Location']}"


def test_the_sample_covers_every_admin_app():
    urls = guarded_admin_urls()
    for prefix in (
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/settings/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/reports/",
        "/admin/localize/api/",
        "/admin/localize/translate/",
        "/admin/accessibility/",
        "/admin/api/",
        "/admin/workflows/",
    ):
        assert any(url.startswith(prefix) for url in urls), prefix
    assert len(urls) > 120


@pytest.mark.parametrize("who", ["superuser", "officer"])
def test_a_password_alone_is_sent_to_set_up_the_second_factor_on_every_admin_url(who, request):
    client = password_only_client(request.getfixturevalue(who))
    for url in guarded_admin_urls():
        response = client.get(url)
        assert_sent_to(response, SETUP_URL, url)
        assert response["Location"].endswith("next=" + url.replace("/", "%2F"))


def test_an_enrolled_user_with_a_password_alone_is_sent_to_verify_on_every_admin_url(officer):
    enrol(officer)
    client = password_only_client(officer)
    for url in [*guarded_admin_urls(), SETUP_URL]:
        assert_sent_to(client.get(url), VERIFY_URL, url)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_unverified_writes_and_json_requests_get_a_403_and_nothing_else(superuser, method):
    client = password_only_client(superuser)
    for url in [
        reverse("wagtailadmin_pages:edit", args=[2]),
        reverse("wagtail_localize:edit_string_translation", args=[1, 1]),
        reverse("wagtailusers_users:add"),
    ]:
        response = getattr(client, method)(url, {"title": "changed"})
        assert response.status_code == 403, url
        assert response.json() == {
            "error": "Your account must use two-step verification: set it up first.",
            "location": SETUP_URL,
        }


def test_unverified_ajax_and_api_reads_get_a_403(superuser):
    client = password_only_client(superuser)
    for url in [
        reverse("wagtailadmin_api:pages:listing"),
        reverse("wagtail_localize:snippets_api_listing", args=["home", "hotline"]),
        reverse("wagtailadmin_choose_page"),
    ]:
        for headers in ({"Accept": "application/json"}, {"X-Requested-With": "XMLHttpRequest"}):
            response = client.get(url, headers=headers)
            assert response.status_code == 403, (url, headers)
            assert set(response.json()) == {"error", "location"}


def test_the_sign_in_and_verification_screens_stay_open(superuser):
    client = password_only_client(superuser)
    assert client.get(reverse("wagtailadmin_login")).status_code in (200, 302)
    assert client.get(reverse("wagtailadmin_password_reset")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    assert client.get(SETUP_URL).status_code == 200
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_verifying_opens_the_admin_and_a_plain_editor_is_not_forced(superuser, editor):
    client = password_only_client(superuser)
    device, _codes = enrol(superuser)
    response = client.post(VERIFY_URL, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/accessibility/"):
        assert client.get(url).status_code == 200, url

    plain = password_only_client(editor)
    assert plain.get("/admin/").status_code == 200
    assert plain.get("/admin/pages/").status_code == 200


def test_the_public_site_is_not_guarded(superuser):
    client = password_only_client(superuser)
    assert client.get("/robots.txt").status_code == 200


@pytest.mark.urls("tests.staff.urls_with_django_admin")
def test_djangos_admin_is_guarded_too_when_mounted(superuser):
    client = password_only_client(superuser)
    for url in ("/django-admin/", "/django-admin/auth/user/", "/django-admin/auth/user/1/change/"):
        assert_sent_to(client.get(url), SETUP_URL, url)
    assert client.post("/django-admin/auth/user/add/", {"username": "x"}).status_code == 403


def test_the_refusal_speaks_the_users_admin_language(superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "ru"
    profile.save()
    response = password_only_client(superuser).post(reverse("wagtailusers_users:add"))
    assert response.json()["error"] == (
        "Ваша учётная запись должна использовать двухэтапную проверку: сначала настройте её."
    )


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Internal memo",
        collection=collection,
        file=ContentFile(b"internal", name="memo.txt"),
    )
    return document.url


def test_outside_the_admin_a_password_alone_is_not_signed_in(superuser, private_document):
    unverified = password_only_client(superuser)
    response = unverified.get(private_document)
    assert response.status_code == 302
    assert "/login/?next=" in response["Location"]  # the site's sign-in page for private content

    verified = Client()
    verified.force_login(superuser)
    assert verified.get(private_document).status_code == 200
