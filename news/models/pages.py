"""The news index (one per language tree) and the news article page."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BaseStreamBlock
from core.models import BasePage, IndexPage
from core.visibility import public
from news.forms import NewsPageForm
from news.models.snippets import NewsCategory
from pagecache.memo import per_language_and_generation

RELATED_NEWS_COUNT = 3


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The list of news of one language: filters, archive by year, RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    listed_order = ("-publication_date", "-pk")

    class Meta:
        verbose_name = _("news index page")

    def articles(self):
        """The live articles of this index, newest first, with what a listing shows."""
        return (
            self.listed_pages()
            .select_related("lead_image", "view_count")
            .prefetch_related("categories", "lead_image__renditions")
        )

    def get_cached_paths(self):
        """The paths a front-end cache holds for this page (purged with it): the list and its
        feeds; filter and year pages carry a query string (see pagecache/frontend.py)."""
        return ["/", "rss/", "atom/"]

    @path("")
    def index_route(self, request):
        from news.models.listing import InvalidListingParameter, build_listing

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
        from news.models.listing import archive_years_of, categories_of

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = list(categories_of(self.locale_id).values())
        context["archive_years"] = archive_years_of(self)
        context["rss_url"] = self.url + self.reverse_subpage("rss")
        context["atom_url"] = self.url + self.reverse_subpage("atom")
        return context


@per_language_and_generation
def newest_sharing_a_category(locale_id, category_keys):
    """The newest live articles of a language in any of the categories (by translation key),
    one more than related news shows (an article leaves itself out); kept until the next
    publish, as every article of the same categories shows the same ones."""
    sharing = NewsPage.categories.through.objects.filter(
        newscategory__translation_key__in=category_keys
    ).values("newspage_id")
    articles = (
        public(NewsPage.objects.live())
        .filter(locale=locale_id, pk__in=sharing)
        .defer("body")
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-publication_date", "-pk")
    )
    return list(articles[: RELATED_NEWS_COUNT + 1])


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
        # Listings, feeds, the home page and related news show the newest first.
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="news_article_newest"),
        ]

    @property
    def view_total(self):
        """How many times this article was read (0 until the counter records a read)."""
        try:
            return self.view_count.count
        except NewsPage.view_count.RelatedObjectDoesNotExist:
            return 0

    # Fetched with the article when it is served (core/routing.py): shown on every article.
    serve_related = ("locale", "lead_image", "view_count")

    def categories_in_language(self, categories=None):
        """This article's categories named in the article's own language."""
        from news.models.listing import localise_categories

        if categories is None:
            categories = list(self.categories.all())
        return localise_categories(categories, self.locale)

    def related_news(self, categories=None):
        """Live articles of the same language sharing a category, newest first, not this one."""
        if categories is None:
            categories = list(self.categories.all())
        keys = tuple(sorted({str(category.translation_key) for category in categories}))
        if not keys:
            return []
        newest = newest_sharing_a_category(self.locale_id, keys)
        return [article for article in newest if article.pk != self.pk][:RELATED_NEWS_COUNT]

    def news_index_url(self, request):
        """The URL of the news index this article is in: its own URL without its slug."""
        url = self.get_url(request)
        if url and url.endswith(f"/{self.slug}/"):
            return url[: -len(self.slug) - 1]
        return self.get_parent().get_url(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = list(self.categories.all())
        context["article_categories"] = self.categories_in_language(categories)
        context["related_news"] = self.related_news(categories)
        context["news_index_url"] = self.news_index_url(request)
        return context
