"""Wagtail hooks of the accessibility app: content-check warnings, the checker, the admin area."""

from django.apps import apps
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

import accessibility.tasks  # noqa: F401 - connects audit-on-publish to `page_published`
from accessibility.admin import urls as admin_urls
from accessibility.admin.bulk_publish import CheckedPublishBulkAction
from accessibility.admin.checker import use_site_checker
from accessibility.admin.report import page_status
from accessibility.admin.views import VIEW_PERMISSION
from accessibility.content_checks import check_page, errors
from accessibility.forms import PUBLISH_ACTION
from accessibility.tasks import PAGE_SCOPE, audit_on_publish_enabled, audit_skipped_by_limit


@hooks.register("construct_wagtail_userbar")
def configure_content_checker(request, items, page):
    use_site_checker(items)


@hooks.register("register_admin_urls")
def register_accessibility_urls():
    return [path("accessibility/", include(admin_urls, namespace="accessibility_admin"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        gettext_lazy("Accessibility"),
        reverse("accessibility_admin:report"),
        name="accessibility",
        icon_name="doc-full-inverse",
        order=850,
    )


@hooks.register("register_page_header_buttons")
def page_accessibility_status_button(page, user, view_name, next_url=None):
    """In the editor's header menu: the page's audit status, leading to its audits."""
    if view_name != "edit" or not page.pk:
        return
    status = page_status(page)
    yield Button(
        _("Accessibility: %(status)s") % {"status": status.label},
        reverse("accessibility_admin:page", args=[page.pk]),
        icon_name="doc-full-inverse",
        priority=80,
    )


def is_autosave(request):
    """Wagtail's autosave (every few seconds while editing) asks for JSON, a real save for HTML."""
    return not request.accepts("text/html")


def show_content_findings(request, page):
    """After a save: warnings, and errors when only a draft was saved (they block publishing).

    Not after an autosave: its messages would pile up in the session and all show at once on
    the next page load.
    """
    if is_autosave(request):
        return
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


def show_audit_after_publish(request, page):
    """Right after publishing: the audit's outcome if it has run already, else that it is queued."""
    if is_autosave(request) or PUBLISH_ACTION not in request.POST:
        return
    if not audit_on_publish_enabled():
        return
    if audit_skipped_by_limit():
        messages.warning(
            request,
            _(
                "The page was published, but not audited: you have started the most audits "
                "allowed in a minute. Use “Audit this page now” in a minute."
            ),
        )
        return
    status = page_status(page)
    run = status.run
    fresh = (
        run is not None
        and run.settings.get("scope") == PAGE_SCOPE
        and page.last_published_at is not None
        and run.started_at >= page.last_published_at
    )
    if fresh:
        messages.info(request, _("Accessibility audit: %(status)s.") % {"status": status.label})
    else:
        messages.info(request, _("An accessibility audit of this page has been queued."))


@hooks.register("after_create_page")
def after_create(request, page):
    show_content_findings(request, page)
    show_audit_after_publish(request, page)


@hooks.register("after_edit_page")
def after_edit(request, page):
    show_content_findings(request, page)
    show_audit_after_publish(request, page)


# Before wagtail-localize's own `before_edit_page` hook (order 0), which publishes a translation
# from its translation editor without the page form and its content checks.
@hooks.register("before_edit_page", order=-1)
def check_translation_before_publishing(request, page):
    """Refuse to publish a translation whose content has accessibility errors (an image's
    alternative text translated as nothing, say), as the page form refuses it for a page."""
    # The translation editor's Publish button posts `action=publish`.
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not apps.is_installed("wagtail_localize"):
        return None  # No translation editor on this site.
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return None
    as_published = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    problems = errors(check_page(as_published))
    if not problems:
        return None
    messages.error(
        request,
        _(
            "This translation cannot be published until its accessibility problems are fixed: "
            "%(problems)s"
        )
        % {"problems": " ".join(str(problem.message) for problem in problems)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("after_copy_page")
def explain_a_copy_kept_as_draft(request, page, new_page):
    """ "Publish copies" was refused for content with accessibility errors (`publishing`)."""
    for refusal in getattr(new_page, "copy_refusals", []):
        messages.error(
            request,
            _(
                "The copy was saved as a draft, not published, because “%(title)s” has "
                "accessibility problems to fix first: %(problems)s"
            )
            % {
                "title": refusal.page.get_admin_display_title(),
                "problems": " ".join(refusal.problems),
            },
        )
    return None


# After Wagtail's own registration (order 0), so that this one replaces its "publish" action.
hooks.register("register_bulk_action", CheckedPublishBulkAction, order=100)
