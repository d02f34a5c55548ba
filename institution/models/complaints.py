"""The complaint form: fields the editor defines, submissions kept in the Wagtail admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accessibility.forms import AccessibilityCheckedPageForm
from home.models import BasePage


class ComplaintFormPageForm(AccessibilityCheckedPageForm, WagtailAdminFormPageForm):
    """The editor's form: the site's accessibility checks and the form builder's own checks."""


class ComplaintFormPage(FormMixin, BasePage):
    """A form through which a visitor submits a complaint; the fields are edited in the admin."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What a complaint should contain, shown above the form."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=["bold", "italic", "link"],
        help_text=_("Shown once the complaint is sent: what happens next, and when."),
    )

    base_form_class = ComplaintFormPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Field")),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("complaint form")

    def get_form_fields(self):
        return self.form_fields.all()

    def error_fields(self, form):
        """The fields in error, in form order, for the error summary."""
        return [field for field in form if field.errors]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = response.context_data.get("form") if hasattr(response, "context_data") else None
        if form is not None and form.is_bound and form.errors:
            response.context_data["error_fields"] = self.error_fields(form)
            # A form sent back with errors is not a success.
            response.status_code = 400
        return response


class ComplaintFormField(TranslatableMixin, AbstractFormField):
    """One field of the complaint form; its label, help text and choices are translated."""

    page = ParentalKey(ComplaintFormPage, on_delete=models.CASCADE, related_name="form_fields")

    # The field's name in stored submissions stays the same in every language.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
