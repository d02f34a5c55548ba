"""The officers' views in the Wagtail admin: the list (with exports), the case and its files.

Every view checks `complaints.view_complaint` (changes need `change_complaint`) and answers
`Cache-Control: no-store`; each case view, export, download and change is written to Wagtail's
log with the officer's name and the time.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from complaints import audit
from complaints.admin_forms import CaseForm
from complaints.export import neutralise_formula
from complaints.filters import ComplaintFilterSet
from complaints.models import (
    ANSWER_FIELDS,
    Complaint,
    ComplaintAttachment,
    MessageStatus,
)


def never_stored(response):
    add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    return response


class AcknowledgementColumn(Column):
    """'Not sent yet' while the complainant's acknowledgement has not gone out."""

    def get_value(self, instance):
        return _("Not sent yet") if instance.acknowledgement_pending else _("Sent")


class ComplaintIndexView(IndexView):
    any_permission_required = ["view"]
    filterset_class = ComplaintFilterSet
    default_ordering = "-received_at"
    list_display = [
        "reference",
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("assignee", label=_("Assigned to")),
        AcknowledgementColumn("acknowledgement", label=_("Acknowledgement")),
    ]
    list_export = [
        "reference",
        "received_at",
        "language",
        "status",
        "outcome",
        "closed_at",
        "assignee",
        *ANSWER_FIELDS,
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assignee").prefetch_related("messages")

    def get_edit_url(self, instance):
        return reverse(self.edit_url_name, args=(instance.pk,))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        complaints = list(queryset)
        for complaint in complaints:
            audit.log(complaint, audit.EXPORT, self.request.user, format=spreadsheet_format)
        return never_stored(super().as_spreadsheet(complaints, spreadsheet_format))

    def write_csv_response(self, queryset):
        # Written within the request, not streamed: a stream is read after the officer's
        # language is switched off, and its headings would come out in the site's default.
        response = HttpResponse(b"".join(self.stream_csv(queryset)), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def get_heading(self, queryset, field):
        return super().get_heading(Complaint.objects.none(), field)

    def render_to_response(self, context, **response_kwargs):
        return never_stored(super().render_to_response(context, **response_kwargs))


class CaseView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One complaint in full: what was sent, files, e-mails, notes; status and notes for
    officers who may change cases."""

    model = Complaint
    permission_required = "view"
    template_name = "complaints/admin/case.html"
    header_icon = "mail"
    index_url_name = "complaints:index"

    form = None

    @cached_property
    def complaint(self):
        # Looked up only after the permission check (dispatch), so that nobody else can tell
        # an existing case from a missing one.
        return get_object_or_404(Complaint.objects.select_related("assignee"), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Complaint %(reference)s") % {"reference": self.complaint.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Complaints")},
            {"url": "", "label": self.complaint.reference},
        ]

    def get(self, request, *args, **kwargs):
        audit.log(self.complaint, audit.VIEW, request.user)
        return never_stored(super().get(request, *args, **kwargs))

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        if "retry_messages" in request.POST:
            return self.retry_messages()
        self.form = CaseForm(request.POST, instance=self.complaint)
        if not self.form.is_valid():
            messages.error(request, _("The case was not saved: please correct the errors."))
            context = self.get_context_data(**kwargs)
            return never_stored(self.render_to_response(context, status=400))
        for action, data in self.form.save_case(request.user):
            audit.log(self.complaint, action, request.user, **data)
        messages.success(request, _("The case is saved."))
        return redirect(reverse("complaints:edit", args=[self.complaint.pk]))

    def retry_messages(self):
        retried = self.complaint.messages.exclude(status=MessageStatus.SENT)
        ids = list(retried.values_list("pk", flat=True))
        retried.update(status=MessageStatus.PENDING, attempts=0)
        from complaints.tasks import enqueue_delivery

        enqueue_delivery(ids)
        audit.log(self.complaint, audit.RETRY_DELIVERY, self.request.user)
        messages.success(self.request, _("The e-mails not sent yet are being sent again."))
        return redirect(reverse("complaints:edit", args=[self.complaint.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.user_has_permission("change")
        context.update(
            complaint=self.complaint,
            attachments=self.complaint.attachments.all(),
            notes=self.complaint.notes.select_related("author"),
            deliveries=self.complaint.messages.all(),
            can_change=can_change,
            can_delete=self.user_has_permission("delete"),
            form=self.form or (CaseForm(instance=self.complaint) if can_change else None),
            history_url=reverse("complaints:history", args=[self.complaint.pk]),
            delete_url=reverse("complaints:delete", args=[self.complaint.pk]),
        )
        return context


class AttachmentDownloadView(PermissionCheckedMixin, View):
    """An attachment as a download, never shown in the browser, for officers only."""

    model = Complaint
    permission_required = "view"

    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            ComplaintAttachment.objects.select_related("complaint"), pk=kwargs["pk"]
        )
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError as error:
            raise Http404("This attachment's file is missing from the private storage.") from error
        audit.log(
            attachment.complaint,
            audit.DOWNLOAD_ATTACHMENT,
            request.user,
            attachment_id=attachment.pk,
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return never_stored(response)
