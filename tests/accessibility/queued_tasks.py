"""Test helpers for the database task queue: what is queued, and running it as the worker does."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from accessibility.tasks import TASK_BACKEND


def ready_audits():
    return DBTaskResult.objects.ready().filter(backend_name=TASK_BACKEND).order_by("enqueued_at")


def queued_audits():
    """The audit tasks waiting for the worker, as (task name, arguments)."""
    return [(row.task_path.rsplit(".", 1)[-1], row.args_kwargs["args"]) for row in ready_audits()]


def run_queued_tasks():
    """Run the queued audits with `manage.py db_worker`'s own code, one after the other.

    (Not the command itself: its SQLite exclusive transaction cannot start inside a test's.)
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=TASK_BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    while (row := ready_audits().first()) is not None:
        row.claim(worker.worker_id)
        worker.run_task(row)
