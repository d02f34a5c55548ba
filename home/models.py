"""The home page and the site-wide, per-language snippets shown on every page."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.latest_articles import latest_articles
from core.models import BasePage, phone_number_validator
from core.navigation import PageLinkBlock, QuickLinkBlock


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
        context["latest_news"], context["news_index"] = latest_articles(
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
