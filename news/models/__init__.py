"""News models: categories (snippets), the index and article pages, view counts."""

from news.models.counts import ArticleViewCount
from news.models.pages import NewsIndexPage, NewsPage, NewsPageTag
from news.models.snippets import NewsCategory

__all__ = ["ArticleViewCount", "NewsCategory", "NewsIndexPage", "NewsPage", "NewsPageTag"]
