"""Annual and special reports: an HTML version first, then the PDFs in each language."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BaseStreamBlock
from core.languages import file_language_label
from core.models import BasePage, IndexPage


class PublicationType(models.TextChoices):
    ANNUAL = "annual", _("Annual report")
    SPECIAL = "special", _("Special report")


class PublicationIndexPage(IndexPage):
    """Every report, grouped by type, newest first."""

    # Plain text here, where the other index pages have a rich-text introduction.
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["institution.PublicationPage"]
    listed_order = ("-year", "-first_published_at")

    class Meta:
        verbose_name = _("publication list")

    def get_publication_groups(self):
        """[(type label, [publications])] in the order of PublicationType, empty groups left out."""
        publications = list(self.listed_pages())
        groups = []
        for value, label in PublicationType.choices:
            members = [item for item in publications if item.publication_type == value]
            if members:
                groups.append((label, members))
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publication_groups"] = self.get_publication_groups()
        return context


class PublicationPage(BasePage):
    """One report: what it covers, its full text as HTML, and its downloadable files."""

    publication_type = models.CharField(
        _("type"), max_length=20, choices=PublicationType.choices, default=PublicationType.ANNUAL
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2001), MaxValueValidator(2100)],
        help_text=_("The year the report covers."),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for the list."))
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("report (HTML version)"),
        help_text=_("The report itself, readable in the browser; the PDFs are its copies."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_type"),
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", heading=_("Files to download"), label=_("File")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("year"),
        index.FilterField("publication_type"),
    ]
    # The same files are offered on every language's version of the report.
    override_translatable_fields = [SynchronizedField("files")]

    parent_page_types = ["institution.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Editors' order, then the order they were added: a deterministic order on every database.
        context["files"] = self.files.select_related("document").order_by(
            models.F("sort_order").asc(nulls_last=True), "pk"
        )
        return context


class PublicationFile(Orderable):
    """A downloadable copy of a report (usually a PDF) in one language."""

    publication = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    language = models.CharField(
        _("language of the file"),
        max_length=8,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return f"{self.document.title} ({self.language})"

    @property
    def language_label(self):
        """The file's language as the reader's language says it: "in Azerbaijani"."""
        return file_language_label(self.language)
