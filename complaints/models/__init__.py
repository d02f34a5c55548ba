"""The complaints app's models, split by concern; imported here so Django finds them."""

from complaints.models.attachments import ComplaintAttachment
from complaints.models.cases import (
    ANSWER_FIELDS,
    Complaint,
    ComplaintNote,
    CourtInvolvement,
    Outcome,
    Status,
)
from complaints.models.delivery import ComplaintMessage
from complaints.models.message_choices import MessageKind, MessageStatus
from complaints.models.page import ComplaintPage
from complaints.models.references import ReferenceCounter

__all__ = [
    "ANSWER_FIELDS",
    "Complaint",
    "ComplaintAttachment",
    "ComplaintMessage",
    "ComplaintNote",
    "ComplaintPage",
    "CourtInvolvement",
    "MessageKind",
    "MessageStatus",
    "Outcome",
    "ReferenceCounter",
    "Status",
]
