"""What Wagtail's log records about complaints: the actions and their messages.

The log's label of a complaint is its reference number (`Complaint.__str__`); the data of an
entry holds only language-neutral codes and ids, never a name, an address or a text.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

from complaints.models import Outcome, Status

VIEW = "complaints.view"
EXPORT = "complaints.export"
DOWNLOAD_ATTACHMENT = "complaints.download_attachment"
STATUS_CHANGE = "complaints.status_change"
ASSIGN = "complaints.assign"
ADD_NOTE = "complaints.add_note"
RETRY_DELIVERY = "complaints.retry_delivery"
RETENTION_DELETE = "complaints.retention_delete"


class StatusChangeFormatter(LogFormatter):
    label = _("Change complaint status")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": _label(Status, data.get("old")),
            "new": _label(Status, data.get("new")),
        }
        if data.get("outcome"):
            message += f" ({_label(Outcome, data['outcome'])})"
        return message


def _label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value or "—"


SIMPLE_ACTIONS = (
    (VIEW, _("View complaint"), _("Viewed the case")),
    (EXPORT, _("Export complaint"), _("Exported in a spreadsheet")),
    (DOWNLOAD_ATTACHMENT, _("Download complaint attachment"), _("Downloaded an attachment")),
    (ASSIGN, _("Assign complaint"), _("Assigned to an officer")),
    (ADD_NOTE, _("Add internal note"), _("Added an internal note")),
    (RETRY_DELIVERY, _("Retry complaint e-mails"), _("Asked to send the e-mails again")),
    (RETENTION_DELETE, _("Delete after retention"), _("Deleted after the retention period")),
)


def register_actions(actions):
    for action, label, message in SIMPLE_ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action(STATUS_CHANGE)(StatusChangeFormatter)


def log(complaint, action, user, **data):
    """Record `action` on `complaint` by `user`; `data` must hold codes and ids only."""
    return wagtail_log(complaint, action, user=user, data=data or None)
