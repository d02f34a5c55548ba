"""Background audits with django-tasks: pages after publishing, a page on request, the whole site.

Publishing queues one `audit_published_pages` per publishing action (Wagtail's `page_published`
signal, once the transaction that published commits): the pages published and their aliases,
the languages that changed. Starting a translation or creating alias copies publishes nothing of
its own and queues nothing. Tasks are stored in the database (`django_tasks_db`) and run by
`manage.py db_worker`; nothing waits for them.

A failure to audit never blocks publishing: any error is caught and recorded as an `AuditRun`
with the status "error" (and a `PageResult` in error per page it meant to audit).

`ACCESSIBILITY_AUDIT_ON_PUBLISH` (default True) switches audit-on-publish off;
`suspend_audit_on_publish()` does so for a block of code (the demo loader publishes dozens of
pages and must not start a browser for each).
"""

import contextlib
import contextvars
import logging
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from wagtail.signals import page_published

from accessibility.limits import claim_audit_for
from accessibility.models import AuditRun, PageResult

logger = logging.getLogger(__name__)

# Stored in a run's settings: a page's audit (after publishing, or "audit this page now") or the
# whole site's. Only site runs make the admin report and its trend.
PAGE_SCOPE = "page"
SITE_SCOPE = "site"

# The TASKS alias audits are queued on (a database backend: nothing waits for an audit).
TASK_BACKEND = getattr(settings, "ACCESSIBILITY_TASK_BACKEND", "default")

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
    """Queue one audit per publishing action, once its transaction commits.

    An alias (the en/ru copies wagtail-localize keeps of an untranslated page, updated whenever
    the original is published) is audited with its original, never on its own signal; pages
    published in one transaction (bulk publish) share one audit.
    """
    if not audit_on_publish_enabled() or instance.alias_of_id is not None:
        return
    batch = _pending_batch()
    if batch is not None:
        batch.page_ids.append(instance.pk)
        return
    user_id = getattr(revision, "user_id", None)
    # Counted now, in the publishing transaction (a rolled-back publish counts nothing).
    _local.skipped_by_limit = not claim_audit_for(user_id)
    if _local.skipped_by_limit:
        # Publishing goes on; the audits of someone publishing faster than the per-user limit
        # are skipped (each one starts a browser).
        logger.warning("Audit after publishing skipped: user %s is over the limit", user_id)
        return
    batch = PublishBatch(user_id=user_id, page_ids=[instance.pk])
    _local.batch = batch
    # Outside a transaction this runs at once; inside one, when it commits.
    transaction.on_commit(batch.enqueue, robust=True)


_local = threading.local()


@dataclass(eq=False)  # Each batch is itself: found among the pending callbacks by identity.
class PublishBatch:
    """The pages published in one transaction, audited together when it commits."""

    user_id: int | None = None
    page_ids: list = field(default_factory=list)

    def enqueue(self):
        if getattr(_local, "batch", None) is self:
            _local.batch = None
        enqueue_publish_audit(self.page_ids, self.user_id)


def audit_skipped_by_limit():
    """Whether this thread's last publish went without its audit (the per-user limit); clears."""
    skipped = getattr(_local, "skipped_by_limit", False)
    _local.skipped_by_limit = False
    return skipped


def _pending_batch():
    """This thread's batch if its enqueue is still waiting for the current transaction."""
    batch = getattr(_local, "batch", None)
    if batch is None:
        return None
    waiting = any(
        callback == batch.enqueue for _savepoints, callback, _robust in connection.run_on_commit
    )
    return batch if waiting else None  # Else it ran already, or its transaction rolled back.


def enqueue_publish_audit(page_ids, user_id=None):
    """Queue the audit of pages just published (and their aliases); a failure is recorded."""
    try:
        return audit_published_pages.enqueue(list(page_ids), user_id)
    except Exception as error:  # noqa: BLE001 - publishing must never fail because of an audit
        logger.exception("Could not queue the accessibility audit of pages %s", page_ids)
        message = f"could not queue the audit: {error}"
        return record_failed_run(AuditRun.Trigger.PUBLISH, user_id, message, [], PAGE_SCOPE)


def enqueue_page_audit(page_id, user_id=None, trigger=AuditRun.Trigger.PUBLISH):
    """Queue an audit of one page in all its languages; a failure to queue is only recorded."""
    try:
        return audit_page.enqueue(page_id, user_id, str(trigger))
    except Exception as error:  # noqa: BLE001 - publishing must never fail because of an audit
        logger.exception("Could not queue the accessibility audit of page %s", page_id)
        record_failed_run(trigger, user_id, f"could not queue the audit: {error}", [])
        return None


def active_site_run():
    """The site audit queued or running now, if any (the admin starts one at a time)."""
    return (
        AuditRun.objects.filter(status=AuditRun.Status.RUNNING, settings__scope=SITE_SCOPE)
        .order_by("-started_at")
        .first()
    )


def start_site_audit(user):
    """Create the site run (status "running", nothing done yet) and queue its audit.

    Returns (run, started): with a site run already going, that run and False. The run row is
    created here, not by the worker, so that a second request sees it at once.
    """
    with transaction.atomic():
        running = active_site_run()
        if running is not None:
            return running, False
        run = AuditRun.objects.create(
            trigger=AuditRun.Trigger.ADMIN,
            triggered_by=user,
            settings={"scope": SITE_SCOPE, "queued": True},
        )
        # In the same transaction (a database task backend): the run and its task exist together.
        audit_site.enqueue(run.pk)
    return run, True


def cancel_site_audit(run):
    """Mark `run` cancelled; its worker stops after the page in progress and closes its browsers."""
    return bool(
        AuditRun.objects.filter(pk=run.pk, status=AuditRun.Status.RUNNING).update(
            status=AuditRun.Status.CANCELLED, finished_at=timezone.now()
        )
    )


@task(backend=TASK_BACKEND)
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


@task(backend=TASK_BACKEND)
def audit_published_pages(page_ids, user_id=None):
    """Audit pages just published, each with its aliases (the languages that changed with it)."""
    from wagtail.models import Page

    from accessibility.targets import page_targets

    targets = []
    try:
        pages = Page.objects.filter(Q(pk__in=page_ids) | Q(alias_of__in=page_ids))
        targets = page_targets(pages=list(pages))
        if not targets:
            return None  # Private, or unpublished again since: nothing a visitor can see.
        return _run(targets, AuditRun.Trigger.PUBLISH, user_id, PAGE_SCOPE).pk
    except Exception as error:  # noqa: BLE001 - recorded as an error run
        logger.exception("The accessibility audit of published pages %s failed", page_ids)
        message = _describe(error)
        return record_failed_run(AuditRun.Trigger.PUBLISH, user_id, message, targets, PAGE_SCOPE).pk


class AuditCancelled(Exception):
    """The run was cancelled from the admin."""


@task(backend=TASK_BACKEND)
def audit_site(run_id):
    """Audit every live page of every language and the site's other views into run `run_id`."""
    from accessibility.engine import AuditOptions, finish_run, plan_jobs, record_outcome
    from accessibility.targets import page_targets, view_targets
    from accessibility.workers import run_jobs

    run = AuditRun.objects.filter(pk=run_id, status=AuditRun.Status.RUNNING).first()
    if run is None:
        return run_id  # Cancelled before it started.
    targets = []
    try:
        targets = page_targets() + view_targets()
        options = AuditOptions.from_settings()
        jobs = plan_jobs(targets, options)
        run.base_url = options.base_url
        run.pages_total = len(jobs)
        run.settings = {**options.as_settings_json(), "scope": SITE_SCOPE}
        run.save(update_fields=["base_url", "pages_total", "settings"])
        # The engine's own steps (run_audit), with a look at the run's status between pages:
        # closing the generator stops the workers and quits their browsers.
        outcomes = run_jobs(jobs, options)
        try:
            for outcome in outcomes:
                record_outcome(run, outcome, options)
                if _cancelled(run):
                    raise AuditCancelled
        finally:
            outcomes.close()
        finish_run(run, options)
    except AuditCancelled:
        run.refresh_counts()
    except Exception as error:  # noqa: BLE001 - recorded on the run
        logger.exception("The full accessibility audit failed")
        _record_site_error(run, _describe(error), targets)
    return run.pk


def _cancelled(run):
    status = AuditRun.objects.filter(pk=run.pk).values_list("status", flat=True).first()
    return status == AuditRun.Status.CANCELLED


def _record_site_error(run, message, targets):
    run.refresh_from_db()
    if run.status == AuditRun.Status.CANCELLED:
        return
    run.status = AuditRun.Status.ERROR
    run.finished_at = timezone.now()
    run.settings = {**run.settings, "error": message}
    run.save()
    run.refresh_counts()


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
