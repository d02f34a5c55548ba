"""The news index (one per language tree) and the news article page."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.models import BasePage
from news.forms import NewsPageForm
from news.models.snippets import NewsCategory

RELATED_NEWS_COUNT = 3


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The list of news of one language: filters, archive by year, RSS and Atom feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def articles(self):
        """The live articles of this index, newest first, with what a listing shows."""
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("lead_image", "view_count")
            .prefetch_related("categories", "lead_image__renditions")
            .order_by("-publication_date", "-pk")
        )

    @path("")
    def index_route(self, request):
        from news.listing import InvalidListingParameter, build_listing

        try:
            listing = build_listing(self, request.GET)
        except InvalidListingParameter as error:
            response = self.render(request, context_overrides={"listing_error": error.message})
            response.status_code = 404
            return response
        return self.render(request, context_overrides={"listing": listing})

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        from news.listing import archive_years

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = NewsCategory.objects.filter(locale=self.locale)
        context["archive_years"] = archive_years(self.articles())
        context["rss_url"] = self.url + self.reverse_subpage("rss")
        context["atom_url"] = self.url + self.reverse_subpage("atom")
        return context


class NewsPageTag(TaggedItemBase):
    """The link between an article and one of its tags."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """A news article."""

    publication_date = models.DateField(
        _("publication date"), help_text=_("The date shown on the article and used for order.")
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences, shown in lists, feeds and search results."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("tags"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    # Things that do not depend on the language are the same in every translation.
    override_translatable_fields = [
        SynchronizedField("publication_date"),
        SynchronizedField("lead_image"),
        SynchronizedField("categories"),
        SynchronizedField("tagged_items"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @property
    def view_total(self):
        """How many times this article was read (0 until the counter records a read)."""
        try:
            return self.view_count.count
        except NewsPage.view_count.RelatedObjectDoesNotExist:
            return 0

    def categories_in_language(self):
        """This article's categories named in the article's own language."""
        from news.listing import localise_categories

        return localise_categories(list(self.categories.all()), self.locale)

    def related_news(self):
        """Live articles of the same language sharing a category, newest first, not this one."""
        keys = [category.translation_key for category in self.categories.all()]
        if not keys:
            return NewsPage.objects.none()
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=self.locale, categories__translation_key__in=keys)
            .exclude(pk=self.pk)
            .distinct()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-publication_date", "-pk")[:RELATED_NEWS_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["article_categories"] = self.categories_in_language()
        context["related_news"] = self.related_news()
        index_page = self.get_parent().specific
        context["news_index"] = index_page
        context["tag_url"] = index_page.url
        return context
