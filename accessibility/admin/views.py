"""The "Accessibility" admin area: the site report, a page result's drill-down, a page's audits.

Every view is behind Wagtail's admin login; the report and drill-down need
`accessibility.view_audit_report`, starting a site run `accessibility.start_audit_run`, and a
page's audit view (the editor's "Audit this page now") the right to edit that page.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from accessibility.admin import chart
from accessibility.admin.filters import ReportFilterForm, RunListForm
from accessibility.admin.report import (
    latest_site_run,
    page_status,
    result_review_findings,
    result_violations,
    summarise,
    trend,
    trend_sentence,
)
from accessibility.models import AuditRun, PageResult

VIEW_PERMISSION = "accessibility.view_audit_report"
START_PERMISSION = "accessibility.start_audit_run"
RUNS_PER_PAGE = 20
MAX_ID_DIGITS = 12  # Longer numbers overflow the database's integers: no such run.


class PermissionMixin:
    """Refuse (Wagtail's "permission denied" redirect) users without `permission_required`."""

    permission_required = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def report_breadcrumbs():
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("accessibility_admin:report"), "label": _("Accessibility")},
    ]


class ReportView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "accessibility/admin/report.html"
    page_title = gettext_lazy("Accessibility")
    header_icon = "doc-full-inverse"

    def get(self, request, *args, **kwargs):
        run_id = request.GET.get("run", "")
        if run_id:
            is_number = run_id.isdigit() and len(run_id) <= MAX_ID_DIGITS
            run = AuditRun.objects.filter(pk=run_id).first() if is_number else None
            if run is None:
                return HttpResponseBadRequest(
                    _("There is no audit run with the number %(run)s.") % {"run": run_id[:20]}
                )
        else:
            run = latest_site_run()
        self.runs_form = RunListForm(request.GET)
        self.runs_page = self.page_of_runs()
        form = ReportFilterForm(request.GET, run)
        if not form.is_valid() or self.runs_page is None:
            context = self.get_context_data(run=run, form=form, summary=None)
            return self.render_to_response(context, status=400)
        summary = summarise(run, form.filters()) if run else None
        return self.render_to_response(self.get_context_data(run=run, form=form, summary=summary))

    def page_of_runs(self):
        """The requested page of the list of runs, or None (a 400) for a page that is not there."""
        if not self.runs_form.is_valid():
            return None
        paginator = Paginator(self.runs_form.runs(), RUNS_PER_PAGE)
        number = self.runs_form.cleaned_data.get("runs_page") or 1
        if number > paginator.num_pages:
            self.runs_form.add_error(
                "runs_page",
                _("There are only %(count)s pages of runs.") % {"count": paginator.num_pages},
            )
            return None
        return paginator.page(number)

    def runs_page_url(self, number):
        query = self.request.GET.copy()
        query["runs_page"] = number
        return f"?{query.urlencode()}#runs-heading"

    def get_breadcrumbs_items(self):
        return report_breadcrumbs()[:1] + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        points = trend()
        runs_page = self.runs_page
        context.update(
            trend_points=points,
            trend_bars=chart.bars(points, lambda point: f"#{point.run.pk}"),
            trend_axis=chart.axis(points),
            trend_sentence=trend_sentence(points),
            runs_form=self.runs_form,
            recent_runs=runs_page.object_list if runs_page else [],
            runs_page=runs_page,
            previous_runs_url=(
                self.runs_page_url(runs_page.previous_page_number())
                if runs_page and runs_page.has_previous()
                else ""
            ),
            next_runs_url=(
                self.runs_page_url(runs_page.next_page_number())
                if runs_page and runs_page.has_next()
                else ""
            ),
            can_start=self.request.user.has_perm(START_PERMISSION),
        )
        return context


def over_the_limit(request):
    """Tell the user they asked for too many audits this minute (and refuse), or record one."""
    from accessibility.limits import audits_per_minute, claim_audit

    if claim_audit(request.user):
        return False
    messages.error(
        request,
        ngettext(
            "You have started %(count)d audit in the last minute, the most allowed. "
            "Wait a minute, then try again.",
            "You have started %(count)d audits in the last minute, the most allowed. "
            "Wait a minute, then try again.",
            audits_per_minute(),
        )
        % {"count": audits_per_minute()},
    )
    return True


class StartRunView(PermissionMixin, View):
    """POST only: start a full audit of the site in the background (one at a time)."""

    permission_required = START_PERMISSION
    http_method_names = ["post"]

    def post(self, request):
        from accessibility.tasks import active_site_run, start_site_audit

        running = active_site_run()
        if running is None and over_the_limit(request):
            return redirect("accessibility_admin:report")
        run, started = (running, False) if running else start_site_audit(request.user)
        if started:
            messages.success(request, _("The audit of the whole site has started."))
        else:
            messages.info(
                request,
                _("An audit of the whole site is already running: here is its progress."),
            )
        return redirect("accessibility_admin:run_progress", run.pk)


class RunProgressView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """A site run's progress: pages done of all, pages in error so far; cancel while running."""

    template_name = "accessibility/admin/run_progress.html"
    header_icon = "doc-full-inverse"

    def get(self, request, *args, **kwargs):
        self.run = get_object_or_404(AuditRun, pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Audit run #%(run)s") % {"run": self.run.pk}

    def get_breadcrumbs_items(self):
        return report_breadcrumbs() + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            run=self.run,
            running=self.run.status == AuditRun.Status.RUNNING,
            can_cancel=self.request.user.has_perm(START_PERMISSION),
            report_url=reverse("accessibility_admin:report") + f"?run={self.run.pk}",
        )
        return context


class CancelRunView(PermissionMixin, View):
    """POST only: cancel a running site audit."""

    permission_required = START_PERMISSION
    http_method_names = ["post"]

    def post(self, request, pk):
        from accessibility.tasks import cancel_site_audit

        run = get_object_or_404(AuditRun, pk=pk)
        if cancel_site_audit(run):
            messages.success(request, _("The audit has been cancelled."))
        else:
            messages.info(request, _("This audit is not running any more."))
        return redirect("accessibility_admin:run_progress", run.pk)


class ResultDetailView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every violation of one audited URL: rule, help link, selector, snippet; link to edit."""

    template_name = "accessibility/admin/result_detail.html"
    header_icon = "doc-full-inverse"

    def get(self, request, *args, **kwargs):
        # Looked up after PermissionMixin.dispatch: refused users learn nothing of what exists.
        self.result = get_object_or_404(
            PageResult.objects.select_related("run", "page"), pk=kwargs["pk"]
        )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Audit of %(url)s") % {"url": self.result.url}

    def get_breadcrumbs_items(self):
        return report_breadcrumbs() + [{"url": "", "label": self.result.url}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.result.page
        can_edit = bool(page) and page.permissions_for_user(self.request.user).can_edit()
        context.update(
            result=self.result,
            violations=result_violations(self.result),
            review_findings=result_review_findings(self.result),
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if can_edit else "",
        )
        return context


class PageAuditView(WagtailAdminTemplateMixin, TemplateView):
    """A page's latest audit in all its languages, and "Audit this page now" (POST)."""

    template_name = "accessibility/admin/page_audit.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Accessibility of “%(title)s”") % {"title": self.page.get_admin_display_title()}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": _("Accessibility")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = page_status(self.page)
        context.update(
            page=self.page,
            status=status,
            results=[
                {"result": result, "violations": result_violations(result)}
                for result in status.results
            ],
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            next_url=self.safe_next_url(),
        )
        return context

    def safe_next_url(self):
        candidate = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if candidate and url_has_allowed_host_and_scheme(
            candidate,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return candidate
        return ""

    def post(self, request, *args, **kwargs):
        from accessibility.tasks import enqueue_page_audit

        if over_the_limit(request):
            return redirect(
                self.safe_next_url() or reverse("accessibility_admin:page", args=[self.page.pk])
            )
        result = enqueue_page_audit(self.page.pk, request.user.pk, AuditRun.Trigger.ADMIN)
        if result is not None and result.is_finished:
            status = page_status(self.page)
            messages.success(request, _("Audit finished: %(status)s.") % {"status": status.label})
        elif result is not None:
            messages.success(request, _("The audit of this page has been queued."))
        else:
            messages.error(
                request, _("The audit could not be queued; the error has been recorded.")
            )
        return redirect(
            self.safe_next_url() or reverse("accessibility_admin:page", args=[self.page.pk])
        )
