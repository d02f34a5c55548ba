"""Institutional pages with free content: standard pages, the FAQ and the contact page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BaseStreamBlock
from core.models import BasePage, phone_number_validator
from core.visibility import public
from institution.blocks import QuestionAnswerBlock
from institution.navigation import section_navigation

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class StandardPage(BasePage):
    """A page of institutional text (mandate, about, legislation), with its section's navigation."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two shown under the title.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "institution.StandardPage"]
    subpage_types = ["institution.StandardPage", "institution.FaqPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        from core.routing import find_site  # core.routing needs the models loaded

        context = super().get_context(request, *args, **kwargs)
        context["subnav"] = section_navigation(self, find_site(request))
        return context


class FaqPage(BasePage):
    """Frequently asked questions; each answer is folded under its question."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    questions = StreamField(
        [("question", QuestionAnswerBlock())],
        verbose_name=_("questions"),
        help_text=_("Drag questions into the order visitors are most likely to need them."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("questions")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("questions"),
    ]

    parent_page_types = ["home.HomePage", "institution.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")

    def get_context(self, request, *args, **kwargs):
        from core.routing import find_site  # core.routing needs the models loaded

        context = super().get_context(request, *args, **kwargs)
        context["subnav"] = section_navigation(self, find_site(request))
        return context


class ContactPage(BasePage):
    """How to reach the institution: the hotline (from the site-wide snippet), address, email."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    postal_address = models.TextField(_("postal address"))
    phone = models.CharField(
        _("switchboard phone"), max_length=20, validators=[phone_number_validator]
    )
    email = models.EmailField(_("email"))
    body = RichTextField(_("more about writing to us"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact details"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [SynchronizedField("phone")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    @property
    def tel_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    def get_context(self, request, *args, **kwargs):
        from complaints.models import ComplaintPage
        from institution.models.offices import OfficeIndexPage

        context = super().get_context(request, *args, **kwargs)
        for name, model in (
            ("office_index", OfficeIndexPage),
            ("complaint_page", ComplaintPage),
        ):
            context[name] = public(model.objects.live()).filter(locale=self.locale).first()
        return context
