"""The head office and regional centres: where a visitor can bring a complaint in person."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage, IndexPage, phone_number_validator


class OfficeIndexPage(IndexPage):
    """Lists every office of the institution, the head office first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["institution.OfficePage"]
    listed_order = ("-is_head_office", "path")

    class Meta:
        verbose_name = _("office list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = self.listed_pages()
        return context


class OfficePage(BasePage):
    """One office: its name is the page title; address, phone, email and reception hours."""

    is_head_office = models.BooleanField(
        _("head office"), default=False, help_text=_("The head office is listed first.")
    )
    address = models.TextField(_("address"), help_text=_("Street, building, city, postcode."))
    phone = models.CharField(
        _("phone"),
        max_length=20,
        validators=[phone_number_validator],
        help_text=_("As dialled, for example +994 22 256 52 41."),
    )
    email = models.EmailField(_("email"), blank=True)
    reception_hours = models.TextField(
        _("reception hours"),
        help_text=_("One line per day or group of days, for example: Monday–Friday 09:00–18:00."),
    )
    area_served = models.TextField(
        _("area served"),
        blank=True,
        help_text=_("The cities and districts whose residents this office receives."),
    )

    description_sources = ()

    def description_fallback(self):
        return _("%(office)s: %(address)s, telephone %(phone)s.") % {
            "office": self.title,
            "address": " ".join(self.address.split()),
            "phone": self.phone,
        }

    content_panels = BasePage.content_panels + [
        FieldPanel("is_head_office"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("How to reach the office"),
        ),
        FieldPanel("reception_hours"),
        FieldPanel("area_served"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("address"),
        index.SearchField("area_served"),
    ]
    # A phone number is the same in every language; wagtail-localize would otherwise offer it
    # for translation like any other text field.
    override_translatable_fields = [SynchronizedField("phone")]

    parent_page_types = ["institution.OfficeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("office")

    @property
    def tel_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
