"""Background tasks (django-tasks): send one complaint e-mail; send every due one again.

django-tasks has no retries of its own: a failed sending leaves its message pending with a
back-off (complaints/delivery.py), and `send_complaint_messages` (or `send_due_messages`
enqueued by a scheduler) picks it up when due.
"""

from django_tasks import task

from complaints import delivery


@task()
def deliver_message(message_id):
    return delivery.deliver(message_id)


@task()
def send_due_messages():
    return delivery.send_due_messages()
