"""The complaints admin: the officers' viewset and the log actions of complaint handling."""

from wagtail import hooks

from complaints import audit
from complaints.viewsets import ComplaintViewSet


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return ComplaintViewSet()


@hooks.register("register_log_actions")
def register_complaint_log_actions(actions):
    audit.register_actions(actions)
