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


class ArticleVisitorMark(models.Model):
    """One visitor counted for one article in one clock hour: the mark that keeps every process
    from counting them again. Written and pruned in batches by `news.counter`, never on a view.

    `digest` names the visitor, article and hour (a keyed hash, nothing personal); `batch` is the
    random token of the flush that inserted the row, so a flush counts only the rows it inserted
    and a mark another process wrote before is not counted twice."""

    digest = models.CharField(_("visitor"), max_length=64, primary_key=True)
    page = models.ForeignKey(
        "news.NewsPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )
    hour = models.IntegerField(_("hour"), db_index=True)  # hours since the epoch, UTC
    batch = models.UUIDField(_("batch"), db_index=True)

    class Meta:
        verbose_name = _("article visitor mark")
        verbose_name_plural = _("article visitor marks")

    def __str__(self):
        return f"{self.page_id} @ {self.hour}"
