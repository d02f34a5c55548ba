"""No publishing path makes a page live while an image lacks its alternative text.

One enforcement point (`accessibility.publishing`) guards `PublishPageRevisionAction`; each test
here takes one of the ways Wagtail, or wagtail-localize, makes a revision live, with a page whose
newest revision has an image without alternative text, and checks the live page did not change.
"""

import datetime
import io
import json
import logging

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accessibility.publishing import PublishingRefused
from institution.models import StandardPage
from tests.accessibility.editor_fixtures import homes, make_page_editor, make_user  # noqa: F401

pytestmark = pytest.mark.django_db

CLEAN_BODY = [{"type": "heading", "value": {"text": "Vəzifələr", "level": "h2"}}]


@pytest.fixture
def picture():
    return Image.objects.create(title="Qəbul", file=get_test_image_file())


def image_without_alt(picture):
    return [
        {
            "type": "image",
            "value": {"image": picture.pk, "alt_text": " ", "decorative": False, "caption": ""},
        }
    ]


@pytest.fixture
def make_page(homes):  # noqa: F811
    def make(slug="mandat", parent=None):
        page = StandardPage(title=slug.title(), slug=slug, body=json.dumps(CLEAN_BODY))
        (parent or homes["az"]).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


def add_inaccessible_revision(page, picture, user=None):
    """A draft revision of `page` whose body has an image without alternative text."""
    draft = page.get_latest_revision_as_object()
    draft.body = json.dumps(image_without_alt(picture))
    return draft.save_revision(user=user)


def assert_live_content_unchanged(page, live_revision_id):
    page.refresh_from_db()
    assert page.live_revision_id == live_revision_id
    assert page.specific.body[0].block_type == "heading"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_revision_publish_from_code_is_refused(make_page, picture):
    page = make_page()
    live_revision = page.live_revision_id
    revision = add_inaccessible_revision(page, picture)

    with pytest.raises(PublishingRefused) as refusal, translation.override("en"):
        revision.publish()

    assert "the image has no alternative text" in refusal.value.message
    assert_live_content_unchanged(page, live_revision)
    # A new page that never went live stays a draft too.
    draft = StandardPage(
        title="Yeni", slug="yeni", live=False, body=json.dumps(image_without_alt(picture))
    )
    page.get_parent().add_child(instance=draft)
    with pytest.raises(PublishingRefused):
        draft.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live


def test_a_decorative_image_or_one_with_alt_text_publishes(make_page, picture):
    page = make_page()
    draft = page.get_latest_revision_as_object()
    body = image_without_alt(picture) + image_without_alt(picture)
    body[0]["value"]["decorative"] = True
    body[1]["value"]["alt_text"] = "Müvəkkil vətəndaşları qəbul edir"
    draft.body = json.dumps(body)
    draft.save_revision().publish()
    page.refresh_from_db()
    assert page.live_revision_id == page.latest_revision_id


def submitted_for_moderation(page, picture):
    """An editor submits an inaccessible revision of `page`; returns (moderator, task state)."""
    editor = make_page_editor("editor", "en", page.get_parent())
    moderator = make_page_editor("moderator", "en", page.get_parent())
    workflow = Workflow.objects.create(name="Review")
    task = GroupApprovalTask.objects.create(name="Moderators approve")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    moderator.groups.add(moderators)
    task.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=page.get_parent())
    add_inaccessible_revision(page, picture, user=editor)
    workflow_state = workflow.start(page, editor)
    return moderator, workflow_state.current_task_state


def test_workflow_approval_from_the_dashboard_is_refused(client, make_page, picture):
    page = make_page()
    live_revision = page.live_revision_id
    moderator, task_state = submitted_for_moderation(page, picture)

    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert any("was not published" in message for message in messages_of(response))
    assert_live_content_unchanged(page, live_revision)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS  # The approval was rolled back.
    # From the dashboard's modal (JavaScript), the answer sends the moderator to the editor.
    response = client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json() == {
        "step": "success",
        "redirect": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    assert_live_content_unchanged(page, live_revision)


def test_workflow_approval_from_the_editor_is_refused(client, make_page, picture):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = make_page()
    live_revision = page.live_revision_id
    moderator, task_state = submitted_for_moderation(page, picture)
    client.force_login(moderator)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(
                [("image", {"image": picture.pk, "alt_text": "", "decorative": "", "caption": ""})]
            ),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})

    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, data, follow=True)

    assert any("was not published" in message for message in messages_of(response))
    assert_live_content_unchanged(page, live_revision)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def test_bulk_publish_publishes_the_clean_pages_and_names_the_refused_ones(
    client, make_page, picture
):
    refused = make_page("mandat")
    live_revision = refused.live_revision_id
    add_inaccessible_revision(refused, picture)
    clean = make_page("haqqimizda")
    clean.get_latest_revision_as_object().save_revision()  # A clean draft to publish.
    client.force_login(make_user("chief", superuser=True))

    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    url += f"?id={refused.pk}&id={clean.pk}&next=/admin/"
    response = client.post(url, {"include_descendants": ""}, follow=True)

    assert response.status_code == 200
    messages = messages_of(response)
    assert any("“Mandat” was not published" in message for message in messages)
    assert "1 page was not published because of accessibility problems." in messages
    assert "1 page has been published" in [message.strip() for message in messages]
    assert_live_content_unchanged(refused, live_revision)
    clean.refresh_from_db()
    assert clean.live_revision_id == clean.latest_revision_id


def test_scheduled_publishing_logs_and_skips_a_refused_page(make_page, picture, caplog):
    refused, clean = make_page("mandat"), make_page("haqqimizda")
    live_revision = refused.live_revision_id
    past = timezone.now() - datetime.timedelta(minutes=5)
    revision = add_inaccessible_revision(refused, picture)
    revision.approved_go_live_at = past
    revision.save()
    clean_revision = clean.get_latest_revision_as_object().save_revision()
    clean_revision.approved_go_live_at = past + datetime.timedelta(minutes=1)
    clean_revision.save()

    errors = io.StringIO()
    with caplog.at_level(logging.WARNING):
        call_command("publish_scheduled", stdout=io.StringIO(), stderr=errors)

    assert f"Not published (page {refused.pk})" in errors.getvalue()
    assert any("refused" in record.getMessage() for record in caplog.records)
    assert_live_content_unchanged(refused, live_revision)
    clean.refresh_from_db()
    assert clean.live_revision_id == clean_revision.pk  # The run went on after the refusal.


def test_publish_this_version_from_the_revisions_is_refused(client, make_page, picture):
    page = make_page()
    live_revision = page.live_revision_id
    old = add_inaccessible_revision(page, picture)
    page.get_latest_revision_as_object().save_revision()  # A newer draft on top of it.
    client.force_login(make_user("chief", "en", superuser=True))

    # "Review this version" loads the old revision into the editor; its Publish posts it back.
    review = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old.pk]))
    assert review.status_code == 200
    form = review.context["form"]
    data = {key: value for key, value in form.initial.items() if not key.startswith("comments")}
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    posted = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(
                [("image", {"image": picture.pk, "alt_text": "", "decorative": "", "caption": ""})]
            ),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    posted.update(revision=old.pk, **{"action-publish": "action-publish"})
    assert data  # The editor was filled from the old revision.
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), posted)

    assert response.status_code == 200  # The form again, with the errors.
    assert_live_content_unchanged(page, live_revision)
    # Publishing that revision object directly (what a script reverting would do) is refused too.
    with pytest.raises(PublishingRefused):
        old.publish(previous_revision=old)
    assert_live_content_unchanged(page, live_revision)


def test_a_translation_published_by_wagtail_localize_is_refused(
    make_page, picture, django_capture_on_commit_callbacks
):
    """wagtail-localize's save_target(publish=True), as its editor and "Sync translated pages"
    call it, publishes through the same action."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    page = make_page()
    draft = page.get_latest_revision_as_object()
    draft.body = json.dumps(image_without_alt(picture))
    # Straight into the row, as content from before the check would be (no publish action).
    draft.save()
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )

    with pytest.raises(PublishingRefused), django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    # Refused before anything was written: not even a draft of the new translation is left.
    english = Locale.objects.get(language_code="en")
    assert not page.get_translations().filter(locale=english).exists()


def test_the_page_form_refuses_a_new_page(client, homes, picture):  # noqa: F811
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    client.force_login(make_user("chief", "en", superuser=True))
    data = nested_form_data(
        {
            "title": "Yeni",
            "slug": "yeni",
            "intro": "",
            "body": streamfield(
                [("image", {"image": picture.pk, "alt_text": "", "decorative": "", "caption": ""})]
            ),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["institution", "standardpage", homes["az"].pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert not StandardPage.objects.filter(slug="yeni", live=True).exists()


def test_content_live_from_before_the_check_is_never_shown_as_decorative(
    client,
    make_page,
    picture,
    homes,  # noqa: F811
):
    """An image that went live without alt text renders with no alt at all, so that the audit
    (axe's image-alt) reports it; only an image marked decorative gets alt=""."""
    import re

    from wagtail.models import Site

    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": homes["az"]}
    )
    homes["az"].save_revision().publish()
    page = make_page()
    body = image_without_alt(picture) + image_without_alt(picture)
    body[1]["value"]["decorative"] = True
    page.body = json.dumps(body)
    page.save()  # Straight into the live row, as old content got there.

    html = client.get(page.url).content.decode()
    images = re.findall(r"<img [^>]*>", html[html.index("<main") :])
    block_images = [tag for tag in images if "loading=" in tag]
    assert len(block_images) == 2, block_images
    assert " alt=" not in block_images[0], block_images
    assert ' alt=""' in block_images[1]


@pytest.fixture
def live_english_translation(make_page, django_capture_on_commit_callbacks):
    """A live az page with a live en translation made by wagtail-localize; returns both and
    the en Translation record."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    page = make_page()
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    record = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)
    english = page.get_translation(record.target_locale).specific
    assert english.live and english.body[0].block_type == "heading"
    return page, english, record


def give_the_source_an_image_without_alt(page, record, picture):
    """Straight into the source's row (content from before the check), then synced."""
    page = page.specific
    page.body = json.dumps(image_without_alt(picture))
    page.save()
    record.source.update_from_db()


def test_syncing_a_live_translation_never_writes_refused_content_into_its_row(
    live_english_translation, picture, django_capture_on_commit_callbacks
):
    """wagtail-localize saves the translated content into the page row before it publishes
    the revision: the row of a live translation is what visitors see."""
    from accessibility.publishing import collect_refusals

    page, english, record = live_english_translation
    live_revision = english.live_revision_id
    give_the_source_an_image_without_alt(page, record, picture)

    with pytest.raises(PublishingRefused), django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)
    assert_live_content_unchanged(english, live_revision)
    # A draft of a live translation would be written into the live row too: refused as well.
    with pytest.raises(PublishingRefused):
        record.save_target(publish=False)
    assert_live_content_unchanged(english, live_revision)
    # Collecting refusals, the translation is skipped and recorded, nothing written.
    with collect_refusals() as refusals, django_capture_on_commit_callbacks(execute=True):
        source = record.source
        assert source.create_or_update_translation(record.target_locale, fallback=True) is None
    assert [refusal.page.pk for refusal in refusals] == [english.pk]
    assert_live_content_unchanged(english, live_revision)


def test_a_translation_that_does_not_validate_keeps_wagtail_localizes_error_marks(
    live_english_translation,
):
    """The guard's transaction must not undo the marks wagtail-localize's editor shows."""
    from django.db import connection

    if connection.vendor != "sqlite":
        # Marking the error copies the title into the page's 255-character draft_title
        # (wagtail-localize's post_save), which PostgreSQL refuses: the case exists on SQLite.
        pytest.skip("an over-long title cannot be marked by wagtail-localize on this database")
    from django.core.exceptions import ValidationError
    from wagtail_localize.models import StringSegment, StringTranslation

    page, english, record = live_english_translation
    title = StringSegment.objects.get(source=record.source, context__path="title")
    # Stored without wagtail-localize's post_save, which copies a title into the page's
    # 255-character draft_title column (PostgreSQL would refuse it there, before any validation).
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of=title.string,
                locale=record.target_locale,
                context=title.context,
                data="x" * 300,  # Longer than a page title may be.
            )
        ]
    )
    with pytest.raises(ValidationError):
        record.save_target(publish=True)
    marked = StringTranslation.objects.get(translation_of=title.string, locale=record.target_locale)
    assert marked.has_error


def test_a_draft_of_a_translation_that_is_not_live_still_saves(make_page, picture):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    page = make_page()
    page.specific.body = json.dumps(image_without_alt(picture))
    page.specific.save()
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    record = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="ru")
    )
    record.save_target(publish=False)
    russian = page.get_translation(record.target_locale).specific
    assert not russian.live
    assert russian.body[0].block_type == "image"


def test_sync_translated_pages_shows_the_refusal_and_changes_nothing(
    client, live_english_translation, picture, django_capture_on_commit_callbacks
):
    page, english, record = live_english_translation
    live_revision = english.live_revision_id
    give_the_source_an_image_without_alt(page, record, picture)
    client.force_login(make_user("chief", "en", superuser=True))

    url = reverse("wagtail_localize:update_translations", args=[record.source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[0][0] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert any("was not published" in message for message in messages_of(response))
    assert_live_content_unchanged(english, live_revision)


def copy_form(page, slug, publish_copies=True):
    return {
        "new_title": f"{page.title} (surət)",
        "new_slug": slug,
        "new_parent_page": page.get_parent().pk,
        "publish_copies": "on" if publish_copies else "",
    }


def test_copy_page_with_publish_copies_keeps_an_inaccessible_copy_a_draft(
    client, make_page, picture
):
    """ "Copy page" with "Publish copies" copies the live row without a publish action."""
    page = make_page()
    clean = make_page("haqqimizda")
    page.specific.body = json.dumps(image_without_alt(picture))
    page.specific.save()  # Content from before the check, live.
    client.force_login(make_user("chief", "en", superuser=True))

    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    response = client.post(url, copy_form(page, "mandat-2"), follow=True)

    assert response.status_code == 200
    copy = StandardPage.objects.get(slug="mandat-2")
    assert not copy.live and copy.live_revision_id is None
    assert any("The copy was saved as a draft" in message for message in messages_of(response))
    # A page that could be published is still copied live.
    client.post(reverse("wagtailadmin_pages:copy", args=[clean.pk]), copy_form(clean, "h-2"))
    assert StandardPage.objects.get(slug="h-2").live
    # From code, the same: the copy is a draft and says why.
    from_code = page.copy(update_attrs={"slug": "mandat-3"}, keep_live=True)
    assert not from_code.live
    assert [refusal.page.pk for refusal in from_code.copy_refusals] == [page.pk]
    # A subtree copied live is made a draft as a whole when a page in it cannot publish.
    child = make_page("qebul", parent=clean)
    child.specific.body = json.dumps(image_without_alt(picture))
    child.specific.save()
    tree = clean.copy(recursive=True, update_attrs={"slug": "h-3"}, keep_live=True)
    assert not tree.live
    assert not tree.get_children().filter(live=True).exists()
