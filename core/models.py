"""The abstract base of every page type of the site, and validators its page apps share."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from accessibility.forms import AccessibilityCheckedPageForm
from core.descriptions import page_description, title_and_institution
from core.slugs import localise_translation_slug
from core.visibility import restriction_check_may_be_skipped

phone_number_validator = RegexValidator(
    r"^\+?[0-9 ()-]{2,20}$",
    _("Enter a phone number made of digits, spaces, brackets, dashes and an optional leading +."),
)


class BasePage(Page):
    """The abstract base of every page type of the site: shared behaviour lives here once.

    Page types subclass this rather than `Page`, so that site-wide editing rules (for example
    the accessibility content checks run when an editor saves or publishes) apply to all of them.
    """

    base_form_class = AccessibilityCheckedPageForm

    class Meta:
        abstract = True

    # Fields whose text describes the page for search engines when the editor wrote no
    # `search_description` (Promote tab), the first one filled in winning.
    description_sources = ("intro", "summary", "body")

    def save(self, *args, **kwargs):
        localise_translation_slug(self)
        return super().save(*args, **kwargs)

    @property
    def meta_description(self):
        """The page's `<meta name="description">`: the editor's, else from its intro or lead."""
        return page_description(self)

    def description_fallback(self):
        """The description of a page with none of `description_sources` filled in."""
        return title_and_institution(self)

    def get_view_restrictions(self):
        """Wagtail's check of this page's and its ancestors' restrictions, skipped (no query)
        while serving the public site and no page at all is private, as is usual for a public
        institution; everywhere else (admin privacy dialog, copies, aliases) always asked."""
        if restriction_check_may_be_skipped():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
