"""Demo builder: the complaint officers' group (the migration made it; a flushed test database
has lost it)."""

from complaints.groups import setup_officer_group


def build_complaint_officers(context):
    setup_officer_group()
