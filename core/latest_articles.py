"""The newest articles of one language, from whichever app publishes articles (a registry).

core names no page app: the news app registers its provider when it is ready (news/apps.py).
Without one, pages that show the latest articles show none.
"""

_provider = None


def register_latest_articles(provider):
    """`provider(locale, count)` returns (the `count` newest live articles, their index or None)."""
    global _provider
    _provider = provider


def latest_articles(locale, count):
    """(the `count` newest live articles in `locale`, that language's article index or None)."""
    if _provider is None:
        return [], None
    return _provider(locale, count)
