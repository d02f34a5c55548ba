"""RSS and Atom feeds of one news index: the newest articles, in that index's language only."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import override

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """The RSS 2.0 feed of `index_page` (a NewsIndexPage)."""

    feed_type = Rss201rev2Feed
    route_name = "rss"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        # The feed's own words (its description) are in the feed's language.
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, index_page):
        return f"{index_page.title} — {_('Commissioner for Human Rights (Ombudsman)')}"

    def link(self, index_page):
        return index_page.full_url

    def feed_url(self, index_page):
        return index_page.full_url + index_page.reverse_subpage(self.route_name)

    def description(self, index_page):
        return _("The latest news of the Commissioner for Human Rights (Ombudsman).")

    def items(self, index_page):
        return index_page.articles()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.full_url

    def item_guid(self, article):
        return article.full_url

    def item_pubdate(self, article):
        midnight = datetime.datetime.combine(article.publication_date, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, article):
        return article.last_published_at or self.item_pubdate(article)


class NewsAtomFeed(NewsRssFeed):
    """The Atom 1.0 feed of `index_page`."""

    feed_type = Atom1Feed
    route_name = "atom"
    subtitle = NewsRssFeed.description
