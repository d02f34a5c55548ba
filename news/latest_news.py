"""The newest news articles of one language, for the home page.

news/apps.py registers this with core (core/latest_articles.py), so that the home page shows
the newest articles without importing news.
"""

from django.apps import apps

from core.visibility import public
from pagecache.memo import per_language_and_generation


@per_language_and_generation
def latest_news(locale, count):
    """(the `count` newest live articles in `locale`, that language's news index or None);
    kept like the other site furniture, until the next publish (which starts a generation)."""
    try:
        news_page = apps.get_model("news", "NewsPage")
        news_index = apps.get_model("news", "NewsIndexPage")
    except LookupError:
        return [], None
    articles = (
        public(news_page.objects.live())
        .filter(locale=locale)
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-publication_date", "-pk")
    )
    index = public(news_index.objects.live()).filter(locale=locale).first()
    return list(articles[:count]), index
