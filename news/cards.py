"""The news index's cards, rendered once per generation.

A page of the news list is a query for its articles' ids (always asked of the database: which
articles are live, public and on that page) and the cards of those articles. The cards' HTML
depends only on the articles, their pictures and categories, the language and the site, all of
which a publish or a snippet's save changes by starting a new generation: it is memoised like
the other site furniture, so a page the page cache does not hold (another page of the list, a
filter, the first visit after the page cache dropped it) renders without reading or rendering
its articles again.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.root_paths import with_root_paths
from core.untranslated_text import remember_untranslated_strings
from pagecache.memo import per_language_and_generation


def card_articles(article_ids, locale):
    """The articles `article_ids`, in that order, with what a card shows: the picture's
    renditions and the categories named in `locale`, in two queries for the whole list (the
    categories' ids come with the articles; the categories are memoised)."""
    from news.models import NewsPage
    from news.models.listing import attach_display_categories, with_category_ids

    articles = with_category_ids(
        NewsPage.objects.filter(pk__in=article_ids)
        .defer("body")
        .select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
    )
    by_id = {article.pk: article for article in articles}
    ordered = [by_id[article_id] for article_id in article_ids if article_id in by_id]
    attach_display_categories(ordered, locale)
    return remember_untranslated_strings(ordered)


@per_language_and_generation
def card_items(site, article_ids, locale):
    """The list items (`<li>`) of the cards of `article_ids` (a tuple, in list order), their
    links made for `site`."""
    articles = card_articles(article_ids, locale)
    for article in articles:
        article.card_url = with_root_paths(article).get_url(current_site=site)
    return render_to_string("news/includes/card_items.html", {"articles": articles})


def news_cards(site, article_ids, locale):
    return mark_safe(card_items(site, tuple(article_ids), locale))  # noqa: S308 (our template)
