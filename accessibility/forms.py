"""The page editor's form: accessibility errors block publishing; drafts can always be saved.

`AccessibilityCheckedPageForm` is the `base_form_class` of the statement page and of every page
type of a site that sets it on its own base page. Warnings are shown after saving by the hooks in
`wagtail_hooks.py`.
"""

import copy
from collections import defaultdict

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from accessibility.content_checks import check_page, errors

PUBLISH_ACTION = "action-publish"


class AccessibilityStreamError(StreamBlockValidationError):
    """Errors pinned to StreamField blocks, with a readable summary instead of Wagtail's default."""

    def __init__(self, block_errors, summary):
        super().__init__(block_errors=block_errors)
        self.message = summary


class AccessibilityCheckedPageForm(WagtailAdminPageForm):
    def is_publishing(self):
        return PUBLISH_ACTION in self.data

    def clean(self):
        cleaned_data = super().clean()
        if self.is_publishing() and not self.errors:
            self.add_accessibility_errors(errors(check_page(self.submitted_page())))
        return cleaned_data

    def submitted_page(self):
        """The page as it would be published, without touching the instance being edited."""
        return construct_instance(self, copy.copy(self.instance))

    def add_accessibility_errors(self, findings):
        if not findings:
            return
        self.add_error(
            None,
            _(
                "This page cannot be published until its accessibility problems are fixed. "
                "You can still save it as a draft."
            ),
        )
        by_field = defaultdict(list)
        for finding in findings:
            by_field[finding.field_name].append(finding)
        for field_name, field_findings in by_field.items():
            self.add_error(self._form_field(field_name), self._field_error(field_findings))

    def _form_field(self, field_name):
        return field_name if field_name in self.fields else NON_FIELD_ERRORS

    def _field_error(self, findings):
        messages = [str(finding.message) for finding in findings]
        if all(finding.block_index is None for finding in findings):
            return ValidationError(messages)
        by_block = defaultdict(list)
        for finding in findings:
            by_block[finding.block_index].append(str(finding.message))
        block_errors = {
            index: ValidationError(block_messages)
            for index, block_messages in by_block.items()
            if index is not None
        }
        return AccessibilityStreamError(block_errors, " ".join(messages))
