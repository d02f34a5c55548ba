"""Django app configuration of the full-page cache: connects the purge signals."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import purge

        purge.connect_purge_signals()
