"""One audit per publishing action: a new page and its alias copies give one; translating none."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accessibility.models import AuditRun
from core.locale_sync import synchronise_languages_from_default
from institution.models import StandardPage
from tests.accessibility.editor_fixtures import homes, make_user  # noqa: F401
from tests.accessibility.queued_tasks import queued_audits, run_queued_tasks
from tests.accessibility.test_publish_audit import (  # noqa: F401
    RecordedAxeBrowser,
    audit_on_publish,
    recorded_browser,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def synchronised_site(homes, django_capture_on_commit_callbacks):  # noqa: F811
    """en and ru follow az (wagtail-localize adds an alias there for each new az page)."""
    from wagtail.models import Site

    from accessibility.tasks import suspend_audit_on_publish

    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": homes["az"]}
    )
    with suspend_audit_on_publish(), django_capture_on_commit_callbacks(execute=True):
        homes["az"].save_revision().publish()
        for code in ("en", "ru"):
            homes[code].delete()  # The synchronisation makes them aliases of the az home.
        synchronise_languages_from_default()
    return homes["az"]


def create_in_admin(client, parent):
    data = nested_form_data(
        {
            "title": "Mandat",
            "slug": "mandat",
            "intro": "",
            "body": streamfield([("heading", {"text": "Vəzifələr", "level": "h2"})]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["institution", "standardpage", parent.pk])
    return client.post(url, data)


def test_a_new_page_published_in_az_gives_exactly_one_audit(
    client,
    audit_on_publish,  # noqa: F811
    recorded_browser,  # noqa: F811
    synchronised_site,
    django_capture_on_commit_callbacks,
):
    client.force_login(make_user("chief", superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = create_in_admin(client, synchronised_site)
    assert response.status_code == 302

    page = StandardPage.objects.get(slug="mandat", locale__language_code="az")
    aliases = Page.objects.filter(alias_of=page)
    assert {alias.locale.language_code for alias in aliases} == {"en", "ru"}  # Copies made.
    assert queued_audits() == [("audit_published_pages", [[page.pk], page.owner_id])]

    run_queued_tasks()

    run = AuditRun.objects.get()
    # The page and its copies: the three languages that changed, in one run.
    assert {result.page_id for result in run.page_results.all()} == {
        page.pk,
        *aliases.values_list("pk", flat=True),
    }


# Real commits: wagtail-localize publishes the new translations when its transaction commits,
# inside the request (a captured on-commit callback would run after it).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translate_this_page_queues_no_audit(
    client,
    audit_on_publish,  # noqa: F811
    recorded_browser,  # noqa: F811
    synchronised_site,
    django_capture_on_commit_callbacks,
):
    from accessibility.tasks import suspend_audit_on_publish

    with suspend_audit_on_publish(), django_capture_on_commit_callbacks(execute=True):
        page = StandardPage(
            title="Mandat", slug="mandat", body=json.dumps([]), locale=synchronised_site.locale
        )
        synchronised_site.add_child(instance=page)
        page.save_revision().publish()
    client.force_login(make_user("chief", superuser=True))

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": list(Locale.objects.exclude(pk=page.locale_id).values_list("pk", flat=True))},
    )
    assert response.status_code == 302
    assert not Page.objects.filter(alias_of=page).exists()  # The copies are translations now.

    assert queued_audits() == []
    run_queued_tasks()
    assert not AuditRun.objects.exists()
