"""The one place that refuses to make a page live while its content has accessibility errors.

Every way Wagtail makes a page revision live (the page form, workflow approval, bulk publish,
scheduled publishing, wagtail-localize's translation editor, "publish this version" in the
revisions, `revision.publish()` from code) ends in `PublishPageRevisionAction.execute`. The app
wraps that method once (`install()`, from `AccessibilityConfig.ready`): content with blocking
findings (`content_checks.errors`) raises `PublishingRefused` before anything is written.

Callers that publish many pages in one go collect refusals instead of stopping at the first
one: inside `collect_refusals()` a refused page is skipped and recorded (bulk publish lists them,
`publish_scheduled` logs them). `PublishingRefusedMiddleware` turns an uncaught refusal in an
admin view into an error message on the page's edit view (`accessibility.middleware`).
"""

import contextlib
import contextvars
import functools

from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from accessibility.content_checks import check_page, errors

_refusals = contextvars.ContextVar("accessibility_publishing_refusals", default=None)


class PublishingRefused(Exception):
    """A page revision was not made live: its content has accessibility errors.

    Deliberately not a PermissionDenied (Wagtail's admin turns those into "you do not have
    permission") nor a ValidationError (wagtail-localize reads those as untranslated strings).
    """

    def __init__(self, page, problems):
        self.page = page
        # Written now, in the language of the view that publishes (the editor's admin language):
        # the middleware that shows it runs after the view has left that language.
        self.problems = [str(problem) for problem in problems]
        self.message = _(
            "“%(title)s” was not published: fix its accessibility problems first. %(problems)s"
        ) % {"title": page.get_admin_display_title(), "problems": " ".join(self.problems)}
        super().__init__(self.message)


def blocking_problems(page):
    """The messages of the findings that keep `page` (as it would go live) from publishing."""
    return [finding.message for finding in errors(check_page(page.specific))]


def refuse_inaccessible(page):
    """Raise PublishingRefused, or record it inside `collect_refusals()`; True when refused."""
    problems = blocking_problems(page)
    if not problems:
        return False
    refusal = PublishingRefused(page, problems)
    collected = _refusals.get()
    if collected is None:
        raise refusal
    collected.append(refusal)
    return True


@contextlib.contextmanager
def collect_refusals():
    """Inside this block a refused page is skipped and appended to the yielded list."""
    collected = []
    token = _refusals.set(collected)
    try:
        yield collected
    finally:
        _refusals.reset(token)


def current_refusals():
    """The list `collect_refusals()` is filling, or None outside such a block."""
    return _refusals.get()


def install():
    """Wrap PublishPageRevisionAction.execute once: check the content, then publish."""
    original = PublishPageRevisionAction.execute
    if getattr(original, "accessibility_checked", False):
        return

    @functools.wraps(original)
    def execute(self, skip_permission_checks=False):
        # Permissions first: a user who may not publish learns nothing about the content.
        self.check(skip_permission_checks=skip_permission_checks)
        if refuse_inaccessible(self.object):
            return None
        return original(self, skip_permission_checks=skip_permission_checks)

    execute.accessibility_checked = True
    PublishPageRevisionAction.execute = execute
