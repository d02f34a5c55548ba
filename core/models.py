"""The abstract bases of the site's page types (every page, index pages), and shared validators."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from accessibility.forms import AccessibilityCheckedPageForm
from core.descriptions import page_description, title_and_institution
from core.slugs import localise_translation_slug
from core.visibility import public, restriction_check_may_be_skipped

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


class IndexPage(BasePage):
    """The abstract base of a section's list page (offices, publications, news): an introduction,
    one per parent page, listing its live public children of its one subpage type.

    Subclasses name their parent and their one subpage type (`parent_page_types`,
    `subpage_types`) and the order of the list (`listed_order`).
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    max_count_per_parent = 1

    # The order of `listed_pages()`.
    listed_order = ("path",)

    class Meta:
        abstract = True

    @classmethod
    def listed_page_model(cls):
        """The page type this index lists: its one allowed subpage type."""
        (model,) = cls.clean_subpage_models()
        return model

    def listed_pages(self):
        """This index's live, public children of the listed type, in `listed_order`."""
        children = self.listed_page_model().objects.child_of(self).live()
        return public(children).order_by(*self.listed_order)
