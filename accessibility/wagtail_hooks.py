"""Wagtail hooks of the accessibility app: content-check warnings, the checker, the admin area."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from accessibility.admin.checker import use_site_checker
from accessibility.content_checks import check_page
from accessibility.forms import PUBLISH_ACTION


@hooks.register("construct_wagtail_userbar")
def configure_content_checker(request, items, page):
    use_site_checker(items)


def show_content_findings(request, page):
    """After a save: warnings, and errors when only a draft was saved (they block publishing)."""
    findings = check_page(page.specific)
    published = PUBLISH_ACTION in request.POST
    for finding in findings:
        if finding.is_error and published:
            continue  # The form refused to publish; it cannot get here with errors.
        if finding.is_error:
            messages.warning(
                request,
                _("Accessibility: %(problem)s This will block publishing.")
                % {"problem": finding.message},
            )
        else:
            message = _("Accessibility: %(problem)s") % {"problem": finding.message}
            messages.warning(request, message)


@hooks.register("after_create_page")
def warn_after_create(request, page):
    show_content_findings(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    show_content_findings(request, page)
