"""How many times each article was read, kept apart from the page so revisions never reset it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleViewCount(models.Model):
    """The number of reads of one article (one language version); written by `news.counter`."""

    page = models.OneToOneField(
        "news.NewsPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="view_count",
        verbose_name=_("article"),
    )
    count = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("article view count")
        verbose_name_plural = _("article view counts")

    def __str__(self):
        return f"{self.page_id}: {self.count}"
