"""Every way content changes starts a new generation, and purges the rest after the commit."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction

from bench.content import home_page, quiet_publishing
from home.models import Hotline
from pagecache import purge
from pagecache.generation import current_generation, generation_of_record, generations_of_record

pytestmark = pytest.mark.django_db


def past():
    return timezone.now() - datetime.timedelta(minutes=5)


def publish(article):
    article.title = "A corrected title"
    article.save_revision().publish()


def unpublish(article):
    article.unpublish()


def saved_not_live(article):
    """Code that takes a page offline by saving it, without Wagtail's unpublish (no signal)."""
    article.live = False
    article.save()


def saved_not_live_field_only(article):
    page = Page.objects.get(pk=article.pk)
    page.live = False
    page.save(update_fields=["live"])


def scheduled_publish(article):
    article.title = "Scheduled title"
    article.save_revision(approved_go_live_at=past())
    return lambda: call_command("publish_scheduled", verbosity=0)


def scheduled_expiry(article):
    Page.objects.filter(pk=article.pk).update(expire_at=past())  # no signal: the command's
    return lambda: call_command("publish_scheduled", verbosity=0)


def move(article):
    article.move(home_page("az"), pos="last-child")


def delete(article):
    article.delete()


def alias(article):
    article.create_alias(parent=home_page("az"), update_slug="alias-of-the-article")


def localize_alias(article):
    """What wagtail-localize's synchronisation makes for an untranslated page: a live alias."""
    article.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True, alias=True
    )


def localize_translation_published(article):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(article)
    return lambda: source.create_or_update_translation(
        Locale.objects.get(language_code="ru"), publish=True, copy_parent_pages=True, fallback=True
    )


def revert(article):
    first = article.revisions.order_by("created_at").first()
    article.title = "A later title"
    article.save_revision().publish()
    return first.publish  # "publish this revision" from the page's history


def snippet(article):
    hotline = Hotline.objects.get(locale__language_code="az")
    hotline.number = "+994 12 111 11 11"
    hotline.save()


def snippet_deleted(article):
    Hotline.objects.filter(locale__language_code="ru").delete()


def image(article):
    picture = article.lead_image
    picture.title = "Renamed picture"
    picture.save()


def document(article):
    from django.core.files.base import ContentFile

    get_document_model().objects.create(title="Annual report", file=ContentFile(b"%PDF", "r.pdf"))


def restriction(article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)


def restriction_groups(article):
    staff = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    return lambda: staff.groups.add(Group.objects.get_or_create(name="Staff")[0])


def restriction_removed(article):
    staff = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    return staff.delete


def tag_renamed(article):
    tag = Tag.objects.create(name="monitoring", slug="monitoring")
    return lambda: Tag.objects.filter(pk=tag.pk).get().save()


# Changes made in one step, and changes that need a step first (they return the change).
DIRECT = [
    publish,
    unpublish,
    saved_not_live,
    saved_not_live_field_only,
    move,
    delete,
    alias,
    localize_alias,
    snippet,
    snippet_deleted,
    image,
    document,
    restriction,
]
PREPARED = [
    scheduled_publish,
    scheduled_expiry,
    localize_translation_published,
    revert,
    restriction_groups,
    restriction_removed,
    tag_renamed,
]


def purges_due_at_commit():
    """The purges waiting for the test's transaction to commit (which it never does)."""
    return [
        callback for _, callback, _ in connection.run_on_commit if callback is purge.after_commit
    ]


def assert_purged(change, before):
    assert current_generation() > before
    assert generation_of_record() == current_generation()
    # Everything outside the database waits for the commit, once however many saves it took.
    assert len(purges_due_at_commit()) >= 1


@pytest.mark.parametrize("change", DIRECT, ids=lambda change: change.__name__)
def test_each_change_starts_a_generation_and_purges_after_commit(change, article, page_cache):
    before = current_generation()

    connection.run_on_commit.clear()  # what creating the article left waiting

    with quiet_publishing():
        assert change(article) is None

    assert_purged(change, before)


@pytest.mark.parametrize("change", PREPARED, ids=lambda change: change.__name__)
def test_each_prepared_change_starts_a_generation_and_purges_after_commit(
    change, article, page_cache
):
    with quiet_publishing():
        make_change = change(article)
    before = current_generation()

    connection.run_on_commit.clear()

    with quiet_publishing():
        make_change()

    assert_purged(change, before)


def test_saving_a_draft_purges_nothing(article, page_cache):
    before = current_generation()
    connection.run_on_commit.clear()

    article.title = "Only a draft"
    article.save_revision()

    assert current_generation() == before
    assert purges_due_at_commit() == []


@pytest.mark.parametrize("change", [unpublish, saved_not_live, saved_not_live_field_only])
def test_taking_a_page_offline_is_a_change_of_who_sees_what(change, article, page_cache):
    """No page stored before it may stand in while its new version renders (`visible_from`)."""
    before = generations_of_record()

    with quiet_publishing():
        change(article)

    assert generations_of_record().visible_from > before.visible_from


def test_saving_a_page_that_was_never_live_purges_nothing(article, page_cache):
    draft = Page.objects.get(pk=article.pk)
    Page.objects.filter(pk=draft.pk).update(live=False)  # no signal: as if never published
    before = current_generation()
    connection.run_on_commit.clear()

    draft.live = False
    draft.title = "Still a draft"
    draft.save()

    assert current_generation() == before
    assert purges_due_at_commit() == []
