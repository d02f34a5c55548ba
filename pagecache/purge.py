"""Purging: any change that can show on a public page starts a new generation after it commits.

A change to a page shows on the page, on every page that lists it (home, news index and its
filter pages, feeds, sitemap, search) and, through the menu every page embeds, anywhere; so the
whole generation is retired, and the front-end cache (CDN), when one is configured, is told to
drop every live page of the site (frontend.py, in a background task).

When: the generation's number of record (a row in the database, generation.py) is raised in
the change's own transaction, so it becomes visible to other processes at the very commit that
makes the change visible, never before: no request can read the new generation and then the old
content (and store that under it). Everything outside the database is purged after the commit
(`transaction.on_commit`): the cache's copy of the number, this process's memos, the CDN.

What: page published, unpublished (also by `publish_scheduled`: scheduled publishing and
expiry, and a page saved with `live=False` by any code, which sends no unpublish signal), moved,
deleted; a live page saved without a signal (alias copies made by Wagtail and
wagtail-localize, a translation synchronised or converted from an alias); snippets, site and
generic settings, images, documents, sites, locales, tags, view restrictions and their groups.
A reverted revision is published through the same signals.
"""

import functools
import logging

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import bump_now, publish_generation

logger = logging.getLogger(__name__)

# Models whose changes show on public pages without a page being published.
# A view restriction makes pages private; locales are memoised with the menus (memo.py).
CONTENT_MODEL_LABELS = (
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "taggit.tag",
)
# Of those, the ones that decide who sees which page at which address.
VISIBILITY_MODEL_LABELS = (
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
)
# Page fields that saving a draft, locking or commenting writes; none of them shows publicly.
EDITING_ONLY_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
    }
)


def after_commit():
    """Hand the committed generation to every process, drop this process's memos and compute
    them again in the background (memo.py), purge the CDN."""
    from .frontend import queue_frontend_purge
    from .memo import local_answers, local_visibility_answers, rewarm_in_background

    # Answers about who may see what come first: most others are computed from them. Those a
    # publish of content leaves valid are found at once.
    recipes = local_visibility_answers.held_recipes() + local_answers.clear()
    try:
        publish_generation()
    except Exception:  # the cache's copy expires by itself (GENERATION_COPY_SECONDS)
        logger.exception("Could not hand the new content generation to the cache")
    queue_frontend_purge()
    rewarm_in_background(recipes)


def purge_after_commit(using=DEFAULT_DB_ALIAS, visibility=True):
    """A new generation, visible at this transaction's commit (at once outside a transaction),
    and the purge of everything else after it (once per transaction level, however many
    changes it makes). `visibility=False` only for a change of content (a page published, a
    snippet, image or setting saved): anything else may change who can see what, and then no
    page stored before it is served again, not even while its new version renders."""
    # Raised at every change: the transaction's own later reads (a test, a command) see each.
    bump_now(visibility=visibility)
    connection = connections[using]
    savepoints = set(connection.savepoint_ids)
    for registered_at, callback, _robust in connection.run_on_commit:
        if callback is after_commit and registered_at == savepoints:
            return  # already due at this commit, and dropped only with this very savepoint
    transaction.on_commit(after_commit, using=using, robust=True)


def purge_for_page(instance, **kwargs):
    # A published revision changes content; unpublishing and moving change what can be seen.
    purge_after_commit(visibility=kwargs.get("signal") is not page_published)


@functools.cache
def content_models():
    """Snippets, site settings, images, documents, sites, locales and tags: shown on pages,
    edited elsewhere. Looked up at the first save rather than at start-up, when every snippet
    is registered."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    models = set(get_snippet_models())
    models.update(apps.get_model(label) for label in CONTENT_MODEL_LABELS)
    models.update(
        model
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    )
    return frozenset(models)


@functools.cache
def visibility_models():
    """Content models whose changes can alter which pages are seen, or where."""
    return frozenset(apps.get_model(label) for label in VISIBILITY_MODEL_LABELS)


def shows_publicly(instance, update_fields):
    """Whether saving this page can change what visitors see (a live page, not a draft save)."""
    if not instance.live:
        return False
    return not (update_fields and set(update_fields) <= EDITING_ONLY_FIELDS)


def purge_for_saved_or_deleted_object(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    from wagtail.models import Page

    deleted = kwargs.get("signal") is post_delete
    if sender in content_models():
        purge_after_commit(using, visibility=deleted or sender in visibility_models())
    elif isinstance(instance, Page):
        # Alias copies and wagtail-localize's synchronised pages are saved live without a
        # publish signal; a deleted live page leaves every listing and menu.
        if deleted:
            if instance.live:
                purge_after_commit(using)
        elif shows_publicly(instance, kwargs.get("update_fields")):
            purge_after_commit(using, visibility=False)


def note_page_going_offline(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page is saved not live: remember whether it is live now (a save of `live=False`
    outside Wagtail's unpublish, which sends no signal, takes the page off the site too)."""
    from wagtail.models import Page

    if raw or not isinstance(instance, Page) or instance.live or instance.pk is None:
        return
    if update_fields is not None and "live" not in update_fields:
        return
    instance._pagecache_was_live = Page.objects.filter(pk=instance.pk, live=True).exists()


def purge_for_page_gone_offline(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    if getattr(instance, "_pagecache_was_live", False):
        instance._pagecache_was_live = False
        purge_after_commit(using)  # who may see the page changed


def purge_for_restriction_groups(sender, instance, action, using=DEFAULT_DB_ALIAS, **kwargs):
    """Groups added to or removed from a view restriction change who may see the page."""
    if action in ("post_add", "post_remove", "post_clear"):
        purge_after_commit(using)


def connect_purge_signals():
    from wagtail.models import PageViewRestriction

    page_published.connect(purge_for_page, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_for_page, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_for_page, dispatch_uid="pagecache-moved")
    post_save.connect(purge_for_saved_or_deleted_object, dispatch_uid="pagecache-saved")
    pre_save.connect(note_page_going_offline, dispatch_uid="pagecache-going-offline")
    post_save.connect(purge_for_page_gone_offline, dispatch_uid="pagecache-gone-offline")
    post_delete.connect(purge_for_saved_or_deleted_object, dispatch_uid="pagecache-deleted")
    m2m_changed.connect(
        purge_for_restriction_groups,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="pagecache-restriction-groups",
    )
