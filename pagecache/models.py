"""The content generation of record: one row, so that no cache eviction or outage can lose it."""

from django.db import models


class ContentGeneration(models.Model):
    """The number every cached page and memoised answer is keyed by (see generation.py).

    Kept in the database, not only in the cache: a cache that culls, evicts or loses its data
    can then never restart the count or miss a purge; it only holds a short-lived copy.
    """

    number = models.BigIntegerField()
    # The generation of the last change to what may be seen (privacy, unpublishing, moves,
    # deletions, sites, locales): no page stored under an older generation is ever served,
    # not even for the seconds a new one takes to render (middleware.py).
    visible_from = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content generation"

    def __str__(self):
        return str(self.number)
