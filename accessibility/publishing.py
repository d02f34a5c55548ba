"""The one place that refuses to make a page live while its content has accessibility errors.

Every way Wagtail makes a page revision live (the page form, workflow approval, bulk publish,
scheduled publishing, wagtail-localize's translation editor, "publish this version" in the
revisions, `revision.publish()` from code) ends in `PublishPageRevisionAction.execute`. The app
wraps that method once (`install()`, from `AccessibilityConfig.ready`): content with blocking
findings (`content_checks.errors`) raises `PublishingRefused` before anything is written.

Two routes make content live without that action, and are guarded at their own single point:
- wagtail-localize's `TranslationSource.create_or_update_translation` (its translation editor,
  "Sync translated pages", "Translate this page") writes the translated content into the
  translation's page row before it publishes the revision: a translation that is live, or is to
  be published, is checked as written, inside a transaction, so a refusal undoes the write.
- `CopyPageAction` with `keep_live` (the admin's "Copy page" with "Publish copies",
  `page.copy(keep_live=True)`) copies the live rows as they are: when a live page it would copy
  has blocking findings, the copy is made as a draft and the refusal is attached to the returned
  copy (`copy_refusals`), for the copy view's message.

Callers that publish many pages in one go collect refusals instead of stopping at the first
one: inside `collect_refusals()` a refused page is skipped and recorded (bulk publish lists them,
`publish_scheduled` logs them). `AccessibilityAdminMiddleware` turns an uncaught refusal in an
admin view into an error message (`accessibility.middleware`).
"""

import contextlib
import contextvars
import functools

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page

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
    """Install each guard once (from `AccessibilityConfig.ready`)."""
    _guard_publish_action()
    if apps.is_installed("wagtail_localize"):  # A site without it has no translation writes.
        _guard_translation_writes()
    _guard_live_copies()


def _guard_publish_action():
    """Wrap PublishPageRevisionAction.execute: check the content, then publish."""
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


class _UndoWrites(Exception):
    """Leaves a `transaction.atomic()` block so that what was written in it is rolled back."""


def _guard_translation_writes():
    """Wrap create_or_update_translation: a live or published translation is checked as written.

    wagtail-localize saves the translated content into the page row, then publishes the new
    revision on commit: for a live translation the row is what visitors see, so the check
    cannot wait for the publish action. A draft of a translation that is not live still saves.
    Inside `collect_refusals()` a refused translation is rolled back, recorded, and None returned.
    """
    from wagtail_localize.models import TranslationSource

    original = TranslationSource.create_or_update_translation
    if getattr(original, "accessibility_checked", False):
        return

    @functools.wraps(original)
    def create_or_update_translation(
        self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
    ):
        invalid = None
        try:
            with transaction.atomic():
                try:
                    result = original(
                        self,
                        locale,
                        user=user,
                        publish=publish,
                        copy_parent_pages=copy_parent_pages,
                        fallback=fallback,
                    )
                except ValidationError as error:
                    # wagtail-localize marks the strings at fault before raising this: keep
                    # those marks, as without this wrap, for its editor to show.
                    invalid = error
                else:
                    translation = result[0]
                    goes_live = isinstance(translation, Page) and (publish or translation.live)
                    if goes_live and refuse_inaccessible(translation):
                        raise _UndoWrites
        except _UndoWrites:
            return None
        if invalid is not None:
            raise invalid
        return result

    create_or_update_translation.accessibility_checked = True
    TranslationSource.create_or_update_translation = create_or_update_translation


def _live_pages_copied_by(action):
    """The live pages `action` would copy as live: the page, and its subtree when recursive."""
    pages = [action.page]
    if action.recursive:
        pages += list(action.page.get_descendants())
    return [page for page in pages if page.live]


def _guard_live_copies():
    """Wrap CopyPageAction.execute: a copy kept live is only made of pages that could publish.

    The copy's live content is the copied row, written without a publish action. When any live
    page the action would copy has blocking findings, the whole copy is made as a draft (as
    with "Publish copies" unticked) and the refusals are attached to it as `copy_refusals`.
    """
    original = CopyPageAction.execute
    if getattr(original, "accessibility_checked", False):
        return

    @functools.wraps(original)
    def execute(self, skip_permission_checks=False):
        refusals = []
        if self.keep_live:
            self.check(skip_permission_checks=skip_permission_checks)
            with collect_refusals() as refusals:
                for page in _live_pages_copied_by(self):
                    refuse_inaccessible(page)
            if refusals:
                self.keep_live = False
        copy = original(self, skip_permission_checks=skip_permission_checks)
        copy.copy_refusals = refusals
        outer = current_refusals()
        if outer is not None:
            outer.extend(refusals)
        return copy

    execute.accessibility_checked = True
    CopyPageAction.execute = execute
