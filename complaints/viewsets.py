"""The officers' part of the Wagtail admin: one viewset, with only the URLs it needs, each behind
the complaints.view_complaint gate.

Complaints arrive from the public form only: there is no add, copy, usage or inspect view. The
case view replaces the edit view; deleting and the history are Wagtail's own, with Wagtail's
permission checks (delete_complaint; change or delete for the history).
"""

import functools

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.viewsets.model import ModelViewSet

from complaints.admin_views import AttachmentDownloadView, CaseView, ComplaintIndexView
from complaints.models import Complaint


class ComplaintViewSet(ModelViewSet):
    model = Complaint
    name = "complaints"
    icon = "mail"
    menu_label = _("Complaints")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = ComplaintIndexView
    search_fields = ["reference", "name", "email", "authority"]
    search_backend_name = None
    export_filename = "complaints"

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(add_url_name=None, usage_url_name=None)
        return view_kwargs

    def get_permissions_to_register(self):
        # Officers' permissions include "view", which Wagtail leaves out without an inspect view.
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(Complaint)
        return Permission.objects.filter(content_type=content_type)

    def get_urlpatterns(self):
        return [officers_only(pattern) for pattern in self.complaint_urlpatterns()]

    def complaint_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("case/<int:pk>/", CaseView.as_view(), name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("attachment/<int:pk>/", AttachmentDownloadView.as_view(), name="attachment"),
        ]


def officers_only(pattern):
    """One gate in front of every complaints URL: without complaints.view_complaint the answer
    is the admin's refusal, before any view looks a case up (so nobody else can tell an
    existing case from a missing one). Each view then checks its own permission as well."""
    view = pattern.callback

    @functools.wraps(view)
    def gated(request, *args, **kwargs):
        if not request.user.has_perm("complaints.view_complaint"):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    pattern.callback = gated
    return pattern
