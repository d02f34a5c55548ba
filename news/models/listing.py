"""The news index's listing: reading and checking the visitor's filters, paging, the archive.

The article models are reached through the index page (`index_page.articles()`), so that the
page module that serves the listing and this module do not import each other.

Every query parameter is checked here; a bad or out-of-range value raises
`InvalidListingParameter` with a message the index shows (with a 404 status).
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Aggregate, CharField, Count, OuterRef, Subquery
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from taggit.models import Tag

from news.models.snippets import NewsCategory
from pagecache.memo import per_language_and_generation

ARTICLES_PER_PAGE = 10
YEAR_PATTERN = re.compile(r"[0-9]{4}")
# Category and tag slugs; anything else (a NUL byte, which PostgreSQL refuses, included) is
# unknown without asking the database.
SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]{1,100}")
SHOWN_VALUE_LENGTH = 60


class InvalidListingParameter(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Listing:
    """One page of the news list and the filters that made it."""

    page_obj: object
    category: NewsCategory | None = None
    year: int | None = None
    tag: Tag | None = None
    filter_query: str = ""
    article_ids: list = field(default_factory=list)

    @property
    def is_filtered(self):
        return bool(self.category or self.year or self.tag)


def shown(value):
    """The visitor's value, shortened so that a huge parameter does not flood the page."""
    printable = "".join(character if character.isprintable() else "�" for character in value)
    if len(printable) <= SHOWN_VALUE_LENGTH:
        return printable
    return printable[:SHOWN_VALUE_LENGTH] + "…"


def parse_category(value, locale):
    if not value:
        return None
    is_slug = SLUG_PATTERN.fullmatch(value)
    by_slug = {category.slug: category for category in categories_of(locale.pk).values()}
    category = is_slug and by_slug.get(value)
    if not category:
        raise InvalidListingParameter(
            _("There is no news category “%(value)s”.") % {"value": shown(value)}
        )
    return category


def parse_year(value, articles):
    if not value:
        return None
    if not YEAR_PATTERN.fullmatch(value):
        raise InvalidListingParameter(
            _("“%(value)s” is not a year: use four digits, for example 2020.")
            % {"value": shown(value)}
        )
    year = int(value)
    # Year 0 does not exist in the calendar (and cannot be turned into a date range).
    if year < 1 or not articles.filter(publication_date__year=year).exists():
        raise InvalidListingParameter(_("There is no news from %(year)s.") % {"year": year})
    return year


def parse_tag(value, articles):
    if not value:
        return None
    tags = Tag.objects.filter(slug=value, news_newspagetag_items__content_object__in=articles)
    tag = SLUG_PATTERN.fullmatch(value) and tags.first()
    if not tag:
        raise InvalidListingParameter(
            _("There is no news tagged “%(value)s”.") % {"value": shown(value)}
        )
    return tag


def paginate(articles, page_value, count=None):
    """The page `page_value` of `articles`; `count`, when known already, spares counting them."""
    paginator = Paginator(articles, ARTICLES_PER_PAGE, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(page_value or 1)
    except PageNotAnInteger:
        raise InvalidListingParameter(
            _("“%(value)s” is not a page number.") % {"value": shown(page_value)}
        ) from None
    except EmptyPage:
        raise InvalidListingParameter(
            ngettext(
                "There is no page %(value)s: this list has %(count)s page.",
                "There is no page %(value)s: this list has %(count)s pages.",
                paginator.num_pages,
            )
            % {"value": shown(page_value), "count": paginator.num_pages}
        ) from None


@per_language_and_generation
def all_categories():
    """Every language's categories, in name order (a few dozen rows); kept until the next
    change (categories are snippets: saving one starts a new generation)."""
    return list(NewsCategory.objects.all())


@per_language_and_generation
def categories_of(locale_id):
    """A language's categories by translation key, in name order."""
    return {
        category.translation_key: category
        for category in all_categories()
        if category.locale_id == locale_id
    }


def localise_categories(categories, locale):
    """The given categories named in `locale` (each category itself where it is untranslated)."""
    if all(category.locale_id == locale.pk for category in categories):
        return list(categories)  # already in the language: no need for its categories
    translated = categories_of(locale.pk)
    return [translated.get(category.translation_key, category) for category in categories]


class JoinedIds(Aggregate):
    """A group's ids as one text, "3,8,12" (SQLite's GROUP_CONCAT, PostgreSQL's STRING_AGG)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s)"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS TEXT), ',')",
            **extra_context,
        )


def with_category_ids(articles):
    """`articles` (NewsPage rows) with their categories' ids (`category_ids`), in their query."""
    through = articles.model.categories.through
    ids = (
        through.objects.filter(newspage=OuterRef("pk"))
        .values("newspage")
        .annotate(ids=JoinedIds("newscategory"))
        .values("ids")
    )
    return articles.annotate(category_ids=Subquery(ids))


def attach_display_categories(articles, locale):
    """Give each article (read `with_category_ids`) `display_categories`: its categories in
    name order, named in `locale` (each category itself where it is untranslated), taken from
    the memoised categories: no query once those are read."""
    named = categories_of(locale.pk)
    categories = all_categories()
    for article in articles:
        ids = {int(text) for text in (article.category_ids or "").split(",") if text}
        own = [category for category in categories if category.pk in ids]
        article.display_categories = [named.get(each.translation_key, each) for each in own]


def filter_query(params):
    """The filters to keep in pagination links (every valid parameter except the page)."""
    kept = QueryDict(mutable=True)
    for name in ("category", "year", "tag"):
        if params.get(name):
            kept[name] = params[name]
    return kept.urlencode()


def build_listing(index_page, params):
    """Check the visitor's `params` and return the page of articles they ask for."""
    all_articles = index_page.articles()
    category = parse_category(params.get("category", ""), index_page.locale)
    year = parse_year(params.get("year", ""), all_articles)
    tag = parse_tag(params.get("tag", ""), all_articles)
    articles = all_articles
    # Filters by subquery rather than join: no duplicate rows, so no DISTINCT, and the
    # newest-first index still orders the list.
    if category is not None:
        in_category = all_articles.model.categories.through.objects.filter(
            newscategory__translation_key=category.translation_key
        )
        articles = articles.filter(pk__in=in_category.values("newspage_id"))
    if year is not None:
        articles = articles.filter(publication_date__year=year)
    if tag is not None:
        tagged = all_articles.model.tags.through.objects.filter(tag=tag)
        articles = articles.filter(pk__in=tagged.values("content_object_id"))
    # The page's ids, read from the newest-first index alone: on a late page the database
    # skips thousands of ids rather than thousands of whole articles. Their cards are
    # memoised (news/cards.py).
    page_obj = paginate(
        articles.values_list("pk", flat=True),
        params.get("page", ""),
        count=known_count(index_page, year) if category is None and tag is None else None,
    )
    return Listing(
        page_obj=page_obj,
        category=category,
        year=year,
        tag=tag,
        filter_query=filter_query(params),
        article_ids=list(page_obj.object_list),
    )


def known_count(index_page, year=None):
    """How many articles the index (or one year of it) lists, from its memoised archive."""
    return sum(
        entry["count"]
        for entry in archive_years_of(index_page)
        if year is None or entry["year"] == year
    )


@per_language_and_generation
def archive_years_of(index_page):
    """`archive_years` of a news index's articles, kept until the next publish."""
    return archive_years(index_page.articles())


def archive_years(articles):
    """Each year that has news, newest first, with its number of articles."""
    return list(
        articles.order_by()
        .annotate(year=ExtractYear("publication_date"))
        .values("year")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-year")
    )
