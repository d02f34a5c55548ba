"""Django app configuration for news."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.latest_articles import register_latest_articles
        from news.latest_news import latest_news

        register_latest_articles(latest_news)
