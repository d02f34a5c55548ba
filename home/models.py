"""The home page and the site-wide, per-language snippets shown on every page."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accessibility.forms import AccessibilityCheckedPageForm
from home.descriptions import page_description, title_and_institution
from home.latest_news import latest_news
from home.navigation import PageLinkBlock, QuickLinkBlock
from home.slugs import localise_translation_slug
from home.visibility import restriction_check_may_be_skipped

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


class HomePage(BasePage):
    """The root page of each language's tree."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("The institution's message, shown under the page title."),
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        blank=True,
        verbose_name=_("quick links"),
        help_text=_("The few pages most visitors come for: complaint, reports, offices."),
    )
    latest_news_count = models.PositiveSmallIntegerField(
        _("number of latest news"),
        default=4,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        help_text=_("How many of the newest articles the home page shows (3 to 5)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("quick_links"),
        FieldPanel("latest_news_count"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "institution.StandardPage",
        "institution.FaqPage",
        "institution.PublicationIndexPage",
        "institution.OfficeIndexPage",
        "institution.ContactPage",
        "complaints.ComplaintPage",
        "news.NewsIndexPage",
        "accessibility.AccessibilityStatementPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"], context["news_index"] = latest_news(
            self.locale, self.latest_news_count
        )
        return context


@register_snippet
class Hotline(TranslatableMixin, models.Model):
    """The call-centre number shown in every page's header, with its wording per language."""

    number = models.CharField(
        _("number"),
        max_length=20,
        validators=[phone_number_validator],
        help_text=_("As dialled, for example 916 or +994 12 498 23 77."),
    )
    label = models.CharField(_("label"), max_length=80, help_text=_("For example: Call centre"))
    hours = models.CharField(
        _("hours"), max_length=120, blank=True, help_text=_("For example: 24 hours a day")
    )

    panels = [FieldPanel("number"), FieldPanel("label"), FieldPanel("hours")]
    translatable_fields = [
        SynchronizedField("number"),
        TranslatableField("label"),
        TranslatableField("hours"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("hotline")
        verbose_name_plural = _("hotline")

    def __str__(self):
        return f"{self.label}: {self.number}"

    @property
    def tel_href(self):
        return "tel:" + "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's short text about the institution and its links, written per language."""

    text = RichTextField(
        _("text"),
        features=["bold", "italic", "link"],
        help_text=_("For example the institution's address and founding law."),
    )
    links = StreamField(
        [("link", PageLinkBlock())],
        blank=True,
        verbose_name=_("links"),
        help_text=_("Pages linked from every page's footer, such as the accessibility statement."),
    )

    panels = [FieldPanel("text"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text"))
