"""Background tasks (django-tasks): send one complaint e-mail; send every due one again.

django-tasks has no retries of its own: a failed sending leaves its message pending with a
back-off (complaints/delivery.py), and `send_complaint_messages` (or `send_due_messages`
enqueued by a scheduler) picks it up when due.
"""

import logging

from django_tasks import task

from complaints import delivery

logger = logging.getLogger(__name__)


@task()
def deliver_message(message_id):
    return delivery.deliver(message_id)


@task()
def send_due_messages():
    return delivery.send_due_messages()


def enqueue_delivery(message_ids):
    """Queue the sending of these messages (called once the complaint is committed)."""
    for message_id in message_ids:
        try:
            deliver_message.enqueue(message_id)
        except Exception as error:  # the queue is down: the message stays pending, and is
            # sent by the next `send_complaint_messages` run
            logger.warning(
                "Complaint message %s not queued (%s); it stays pending.",
                message_id,
                type(error).__name__,
            )
