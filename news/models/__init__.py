"""News models: categories (snippets), the index and article pages, view counts, visitor marks."""

from news.models.counts import ArticleViewCount, ArticleVisitorMark
from news.models.pages import NewsIndexPage, NewsPage, NewsPageTag
from news.models.snippets import NewsCategory

__all__ = [
    "ArticleViewCount",
    "ArticleVisitorMark",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
]
