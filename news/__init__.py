"""News: the news index and articles, their categories, tags, feeds and view counts."""
