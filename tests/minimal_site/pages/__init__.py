"""The minimal site's one page app: a home page, an article index and articles."""
