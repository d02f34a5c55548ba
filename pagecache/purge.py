"""Purging: any change that can show on a public page starts a new page-cache generation.

A page change affects the page itself and every page that lists it (home, news index and its filter
pages, feeds, sitemap, search results, menus), so the whole cache generation is retired; the
optional front-end cache (CDN) is told about the page and its ancestors (the listings).
"""

import functools
import logging

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .keys import bump_generation

logger = logging.getLogger(__name__)

# Models whose changes show on public pages without a page being published.
# A view restriction makes pages private; locales are memoised with the menus (memo.py).
CONTENT_MODEL_LABELS = (
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.locale",
)


def purge_for_page(instance, **kwargs):
    bump_generation()
    purge_frontend_cache(instance)


def purge_frontend_cache(page):
    """Ask the CDN (when one is configured) to drop the page and the pages that list it."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    try:
        pages = [page, *page.get_ancestors().filter(depth__gt=1).specific()]
        purge_pages_from_cache(pages)
    except Exception:  # a CDN outage must not stop an editor from publishing
        logger.exception("Could not purge the front-end cache for page %s", page.pk)


@functools.cache
def content_models():
    """Snippets, site settings, images, documents and sites: shown on pages, edited elsewhere.

    Looked up at the first save rather than at start-up, when every snippet is registered.
    """
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


def purge_for_saved_or_deleted_object(sender, instance, **kwargs):
    from wagtail.models import Page

    if sender in content_models():
        bump_generation()
    elif kwargs.get("signal") is post_delete and isinstance(instance, Page) and instance.live:
        purge_for_page(instance)


def connect_purge_signals():
    page_published.connect(purge_for_page, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_for_page, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_for_page, dispatch_uid="pagecache-moved")
    post_save.connect(purge_for_saved_or_deleted_object, dispatch_uid="pagecache-saved")
    post_delete.connect(purge_for_saved_or_deleted_object, dispatch_uid="pagecache-deleted")
