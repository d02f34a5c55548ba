"""The report's filters: a GET form whose choices are the values present in the shown run."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility.admin.report import (
    ReportFilters,
    filter_choices,
    impact_label,
    language_name,
    page_type_label,
)
from accessibility.models import AuditRun


class ReportFilterForm(forms.Form):
    """Language, impact, rule and page type; a value the run does not have is an error."""

    run = forms.IntegerField(label=_("Audit run"), required=False, min_value=1, max_value=10**12)
    language = forms.ChoiceField(label=_("Language"), required=False)
    impact = forms.ChoiceField(label=_("Impact"), required=False)
    rule = forms.ChoiceField(label=_("Rule"), required=False)
    page_type = forms.ChoiceField(label=_("Page type"), required=False)

    def __init__(self, data, run):
        super().__init__(data)
        choices = filter_choices(run)
        everything = [("", _("All"))]
        labels = {
            "language": language_name,
            "impact": impact_label,
            "page_type": page_type_label,
            "rule": str,
        }
        for name, values in choices.items():
            label = labels[name]
            self.fields[name].choices = everything + [(value, label(value)) for value in values]

    def clean_run(self):
        run_id = self.cleaned_data.get("run")
        if run_id and not AuditRun.objects.filter(pk=run_id).exists():
            raise forms.ValidationError(_("There is no audit run with this number."))
        return run_id

    def filters(self):
        data = self.cleaned_data
        return ReportFilters(
            language=data.get("language", ""),
            impact=data.get("impact", ""),
            rule=data.get("rule", ""),
            page_type=data.get("page_type", ""),
        )


class RunListForm(forms.Form):
    """The list of runs: by status and trigger, a page of it at a time."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *AuditRun.Status.choices]
    )
    trigger = forms.ChoiceField(
        label=_("Started by"), required=False, choices=[("", _("All")), *AuditRun.Trigger.choices]
    )
    runs_page = forms.IntegerField(
        label=_("Page of the list"), required=False, min_value=1, max_value=10**6
    )

    def runs(self):
        runs = AuditRun.objects.select_related("triggered_by")
        if self.cleaned_data.get("status"):
            runs = runs.filter(status=self.cleaned_data["status"])
        if self.cleaned_data.get("trigger"):
            runs = runs.filter(trigger=self.cleaned_data["trigger"])
        return runs
