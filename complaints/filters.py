"""The officers' list filters: status, language, date received, assignee, e-mails not sent."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from complaints.admin_forms import officers
from complaints.models import Complaint, MessageKind, MessageStatus, Status


def assignees(request):
    return officers()


class ComplaintFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    received_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("Assigned to"), queryset=assignees, null_label=_("Nobody")
    )
    acknowledgement_pending = django_filters.BooleanFilter(
        label=_("Acknowledgement not sent yet"), method="filter_acknowledgement_pending"
    )

    class Meta:
        model = Complaint
        fields = ["status", "language", "received_at", "assignee"]

    def filter_acknowledgement_pending(self, queryset, name, value):
        if value is None:
            return queryset
        pending = Complaint.objects.filter(
            messages__kind=MessageKind.ACKNOWLEDGEMENT,
            messages__status__in=[MessageStatus.PENDING, MessageStatus.FAILED],
        ).values("pk")
        return queryset.filter(pk__in=pending) if value else queryset.exclude(pk__in=pending)
