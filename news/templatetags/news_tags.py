"""Template helpers for news listings."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def news_cards(context, article_ids, locale):
    """The list items of the news cards of `article_ids`, memoised (news/cards.py)."""
    from core.routing import find_site
    from news.cards import news_cards as cards

    request = context.get("request")
    return cards(find_site(request) if request is not None else None, article_ids, locale)


@register.simple_tag
def page_query(filter_query, page_number):
    """The query string of a listing page: the visitor's filters plus `page`."""
    if filter_query:
        return f"?{filter_query}&page={page_number}"
    return f"?page={page_number}"


@register.simple_tag
def pagination_links(page_obj):
    """Page numbers around the current one, with the paginator's ellipsis between far ones."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )
