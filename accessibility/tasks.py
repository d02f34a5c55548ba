"""Background audits with django-tasks: a page after publishing (in every language), the whole site.

Publishing queues `audit_page` from Wagtail's `page_published` signal once the transaction that
published the page commits. The task backend decides when it runs: at once in development and
tests (`ImmediateBackend`), in a `manage.py db_worker` process in production (`django_tasks_db`).

A failure to audit never blocks publishing: any error is caught and recorded as an `AuditRun`
with the status "error" (and a `PageResult` in error per page it meant to audit).

`ACCESSIBILITY_AUDIT_ON_PUBLISH` (default True) switches audit-on-publish off;
`suspend_audit_on_publish()` does so for a block of code (the demo loader publishes dozens of
pages and must not start a browser for each).
"""

import contextlib
import contextvars
import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from wagtail.signals import page_published

from accessibility.models import AuditRun, PageResult

logger = logging.getLogger(__name__)

# Stored in a run's settings: a page's audit (after publishing, or "audit this page now") or the
# whole site's. Only site runs make the admin report and its trend.
PAGE_SCOPE = "page"
SITE_SCOPE = "site"

_suspended = contextvars.ContextVar("accessibility_audit_on_publish_suspended", default=False)


def audit_on_publish_enabled():
    return getattr(settings, "ACCESSIBILITY_AUDIT_ON_PUBLISH", True) and not _suspended.get()


@contextlib.contextmanager
def suspend_audit_on_publish():
    """Publish without queueing audits inside this block."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


@receiver(page_published, dispatch_uid="accessibility_audit_on_publish")
def queue_audit_after_publish(sender, instance, revision=None, **kwargs):
    if not audit_on_publish_enabled():
        return
    page_id = instance.pk
    user_id = getattr(revision, "user_id", None)
    transaction.on_commit(
        lambda: enqueue_page_audit(page_id, user_id, AuditRun.Trigger.PUBLISH), robust=True
    )


def enqueue_page_audit(page_id, user_id=None, trigger=AuditRun.Trigger.PUBLISH):
    """Queue an audit of one page in all its languages; a failure to queue is only recorded."""
    try:
        return audit_page.enqueue(page_id, user_id, str(trigger))
    except Exception as error:  # noqa: BLE001 - publishing must never fail because of an audit
        logger.exception("Could not queue the accessibility audit of page %s", page_id)
        record_failed_run(trigger, user_id, f"could not queue the audit: {error}", [])
        return None


def enqueue_site_audit(user_id=None):
    """Queue a full audit of the site (every live page in every language, and the other views)."""
    return audit_site.enqueue(user_id)


@task()
def audit_page(page_id, user_id=None, trigger=AuditRun.Trigger.PUBLISH):
    """Audit one page in every language it is live in; return the run's id."""
    from wagtail.models import Page

    from accessibility.targets import all_pages_of, page_targets

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        message = f"page {page_id} no longer exists"
        return record_failed_run(trigger, user_id, message, [], PAGE_SCOPE).pk
    targets = []
    try:
        targets = page_targets(pages=all_pages_of(page))
        return _run(targets, trigger, user_id, PAGE_SCOPE).pk
    except Exception as error:  # noqa: BLE001 - recorded as an error run
        logger.exception("The accessibility audit of page %s failed", page_id)
        return record_failed_run(trigger, user_id, _describe(error), targets, PAGE_SCOPE).pk


@task()
def audit_site(user_id=None):
    """Audit every live page of every language and the site's other views; return the run's id."""
    from accessibility.targets import page_targets, view_targets

    targets = []
    try:
        targets = page_targets() + view_targets()
        return _run(targets, AuditRun.Trigger.ADMIN, user_id, SITE_SCOPE).pk
    except Exception as error:  # noqa: BLE001 - recorded as an error run
        logger.exception("The full accessibility audit failed")
        message = _describe(error)
        return record_failed_run(AuditRun.Trigger.ADMIN, user_id, message, targets, SITE_SCOPE).pk


def _run(targets, trigger, user_id, scope):
    from django.contrib.auth import get_user_model

    from accessibility.engine import AuditOptions, run_audit

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    options = AuditOptions.from_settings(workers=1)
    run = run_audit(targets, options=options, trigger=trigger, user=user)
    run.settings = {**run.settings, "scope": scope}
    run.save(update_fields=["settings"])
    return run


def _describe(error):
    return f"{type(error).__name__}: {error}"


def record_failed_run(trigger, user_id, message, targets, scope=""):
    """An audit that could not be done, stored as a run in error with each page in error."""
    run = AuditRun.objects.create(
        trigger=trigger,
        triggered_by_id=user_id,
        status=AuditRun.Status.ERROR,
        finished_at=timezone.now(),
        pages_total=len(targets),
        settings={"error": message, "scope": scope},
    )
    for target in targets:
        PageResult.objects.create(
            run=run,
            url=target.url,
            locale=target.locale,
            page_id=target.page_id,
            revision_id=target.revision_id,
            page_identity=target.page_identity(),
            page_type=target.page_type,
            viewport="-",
            status=PageResult.Status.ERROR,
            error_message=message,
            attempts=0,
        )
    run.refresh_counts()
    return run
