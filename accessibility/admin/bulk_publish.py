"""Bulk publish that skips pages with accessibility errors and names them, instead of failing."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction

from accessibility.publishing import collect_refusals, current_refusals


class CheckedPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk publish; pages refused by `accessibility.publishing` are listed."""

    def form_valid(self, form):
        with collect_refusals() as refusals:
            response = super().form_valid(form)
        for refusal in refusals:
            messages.error(self.request, refusal.message)
        if refusals:
            messages.error(
                self.request,
                ngettext(
                    "%(count)d page was not published because of accessibility problems.",
                    "%(count)d pages were not published because of accessibility problems.",
                    len(refusals),
                )
                % {"count": len(refusals)},
            )
        return response

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, **kwargs):
        refusals = current_refusals()
        already_refused = len(refusals) if refusals is not None else 0
        parents, children = super().execute_action(
            objects, include_descendants=include_descendants, user=user, **kwargs
        )
        # Wagtail counts every page it tried; the refused ones were not published.
        refused = refusals[already_refused:] if refusals is not None else []
        parent_ids = {page.pk for page in objects}
        refused_parents = sum(refusal.page.pk in parent_ids for refusal in refused)
        return parents - refused_parents, children - (len(refused) - refused_parents)

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects and not num_child_objects:
            return _("No page was published.")
        return super().get_success_message(num_parent_objects, num_child_objects)
