"""The public views of a complaint page: the form, the thank-you page and the status check.

Every answer of the complaint page is `Cache-Control: no-store` (ComplaintPage.serve): a form
sent back holds what the visitor typed, the thank-you page their reference number.
"""

import re

from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from complaints import ratelimit
from complaints.forms import HONEYPOT_FIELD, REFERENCE_PATTERN, ComplaintForm, StatusCheckForm
from complaints.models import Complaint, Status
from complaints.submission import create_complaint

RATE_LIMITED_MESSAGE = _(
    "Too many forms were sent from your connection in the last hour. What you typed is kept "
    "below: please send it again later, or call 916."
)
REFUSED_MESSAGE = _("This form could not be sent. Please check it and send it again, or call 916.")
STATUS_REFUSED_MESSAGES = {
    429: _("Too many status checks were made from your connection: please try again later."),
    503: _("Status checks are not available right now: please try again in a few minutes."),
}
THANKS_SALT = "complaints.thanks"
# The thank-you link works for an hour: long enough to reload, short enough not to linger.
THANKS_MAX_AGE_SECONDS = 3600


def no_store(response):
    """Never kept by a browser, proxy or the page cache."""
    response["Cache-Control"] = "no-store, private"
    return response


def render_page(page, request, template, context, status=200):
    full_context = page.get_context(request)
    full_context.update(context)
    return TemplateResponse(request, template, full_context, status=status)


def render_form(page, request, form, status=200, rate_limited=False, refused=False, **context):
    error_fields = form.error_fields() if form.is_bound else []
    summary_messages = []
    if rate_limited:
        summary_messages.append(RATE_LIMITED_MESSAGE)
    if refused:
        summary_messages.append(REFUSED_MESSAGE)
    context.update(
        form=form,
        error_fields=error_fields,
        rate_limited=rate_limited,
        summary_messages=summary_messages,
        show_summary=bool(error_fields or summary_messages),
    )
    return render_page(page, request, "complaints/complaint_page.html", context, status=status)


def retyped_form(request):
    """An unvalidated form showing what the visitor sent (when it is refused as a whole)."""
    data = {key: value for key, value in request.POST.items() if key != HONEYPOT_FIELD}
    return ComplaintForm(initial=data)


def complaint_form(page, request):
    if request.method != "POST":
        return render_form(page, request, ComplaintForm())
    files_dropped = bool(request.FILES)
    verdict = ratelimit.check(request, ratelimit.submission_limit())
    if verdict.allowed is False:
        response = render_form(
            page,
            request,
            retyped_form(request),
            status=429,
            rate_limited=True,
            files_dropped=files_dropped,
        )
        response["Retry-After"] = str(verdict.retry_after)
        return response
    form = ComplaintForm(request.POST, request.FILES)
    if form.honeypot_filled():
        return render_form(
            page,
            request,
            retyped_form(request),
            status=400,
            refused=True,
            files_dropped=files_dropped,
        )
    if not form.is_valid():
        return render_form(page, request, form, status=400, files_dropped=files_dropped)
    complaint = create_complaint(form.cleaned_data, page.locale.language_code)
    return redirect(thanks_url(page, complaint.reference))


def thanks_url(page, reference):
    token = signing.dumps(reference, salt=THANKS_SALT)
    return page.url + page.reverse_subpage("thanks") + "?" + urlencode({"ref": token})


def thanks(page, request):
    token = request.GET.get("ref", "")
    try:
        reference = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE_SECONDS)
    except signing.BadSignature:
        reference = None
    if not isinstance(reference, str) or not _is_reference(reference):
        return render_page(page, request, "complaints/complaint_thanks.html", {}, status=400)
    return render_page(page, request, "complaints/complaint_thanks.html", {"reference": reference})


def _is_reference(text):
    return re.fullmatch(REFERENCE_PATTERN, text) is not None


def status_check(page, request):
    template = "complaints/complaint_status.html"
    if request.method != "POST":
        return render_page(page, request, template, {"form": StatusCheckForm()})
    verdict = ratelimit.check(request, ratelimit.status_check_limit())
    if not verdict.allowed:
        form = StatusCheckForm(initial=request.POST.dict())
        status = 503 if verdict.allowed is None else 429
        context = {
            "form": form,
            "refused_status": status,
            "summary_messages": [STATUS_REFUSED_MESSAGES[status]],
        }
        response = render_page(page, request, template, context, status=status)
        response["Retry-After"] = str(verdict.retry_after if status == 429 else 60)
        return response
    form = StatusCheckForm(request.POST)
    if not form.is_valid():
        context = {"form": form, "error_fields": form.error_fields()}
        return render_page(page, request, template, context, status=400)
    # The same answer, in the same shape, whether the reference or the e-mail address is wrong.
    status = (
        Complaint.objects.filter(
            reference=form.cleaned_data["reference"], email__iexact=form.cleaned_data["email"]
        )
        .values_list("status", flat=True)
        .first()
    )
    context = {
        "form": form,
        "looked_up": True,
        "found_status": status,
        "found_status_label": Status(status).label if status else "",
    }
    return render_page(page, request, template, context)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (an expired page, blocked cookies): a page in
    the visitor's language saying how to send it again, instead of Django's English one."""
    response = TemplateResponse(request, "complaints/csrf_failure.html", status=403)
    return no_store(response)
