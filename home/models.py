"""The home page and the site-wide, per-language snippets shown on every page."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accessibility.forms import AccessibilityCheckedPageForm

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


class HomePage(BasePage):
    """The root page of each language's tree."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("The institution's message, shown under the page title."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


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
