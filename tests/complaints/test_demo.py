"""The demo site: a complaint page in every language, linked where visitors look for it, audited."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from accessibility.targets import page_targets
from complaints.groups import OFFICER_GROUP_NAME
from complaints.models import ComplaintPage
from home.models import HomePage

pytestmark = pytest.mark.usefixtures("demo_content")

LANGUAGES = ("az", "en", "ru")


def test_the_demo_has_a_live_complaint_page_in_each_language():
    pages = ComplaintPage.objects.live().public()
    assert sorted(pages.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    assert not Page.objects.filter(
        content_type__app_label="institution", content_type__model="complaintformpage"
    ).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_contact_pages_link_to_it(client, language):
    complaint = ComplaintPage.objects.get(locale__language_code=language)
    home = HomePage.objects.get(locale__language_code=language)
    assert f'href="{complaint.url}"' in client.get(home.url).content.decode()
    contact = Page.objects.get(locale__language_code=language, content_type__model="contactpage")
    assert f'href="{complaint.url}"' in client.get(contact.url).content.decode()


def test_the_audit_visits_the_complaint_page_in_every_language():
    targets = [
        target for target in page_targets() if target.page_type == "complaints.ComplaintPage"
    ]
    assert sorted(target.locale for target in targets) == sorted(LANGUAGES)


def test_the_officers_group_exists_with_the_complaint_permissions():
    group = Group.objects.get(name=OFFICER_GROUP_NAME)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_complaint", "change_complaint", "delete_complaint", "access_admin"} <= codenames
