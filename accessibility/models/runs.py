"""Which stored audit runs describe the whole site: shared by the admin report and the statement."""

from django.db.models import Q

from .audit import AuditRun

SITE_TRIGGERS = (AuditRun.Trigger.COMMAND, AuditRun.Trigger.ADMIN)
# Runs whose figures are incomplete: still going, or stopped from the admin.
UNFINISHED = (AuditRun.Status.RUNNING, AuditRun.Status.CANCELLED)


def site_runs():
    """Runs of the whole site: by the command, or from the admin unless of a single page."""
    # has_key first: comparing a missing JSON key gives NULL, which NOT(...) would also exclude.
    page_scope = Q(settings__has_key="scope") & Q(settings__scope="page")
    return AuditRun.objects.filter(trigger__in=SITE_TRIGGERS).exclude(page_scope)


def finished_site_runs():
    return site_runs().exclude(status__in=UNFINISHED)


def latest_site_run():
    """The newest site run that finished (a running or cancelled one has incomplete figures)."""
    return finished_site_runs().first()
