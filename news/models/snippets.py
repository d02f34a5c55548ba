"""News categories: a translatable snippet editors choose on each article."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class NewsCategory(TranslatableMixin, models.Model):
    """A subject news is filed under, for example Monitoring; named in each language.

    The slug is shared by every translation (it is synchronised), so `?category=monitoring`
    means the same category in az, en and ru.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in addresses, for example: monitoring. Latin letters, digits, dashes."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_news_category_slug"),
        ]

    def __str__(self):
        return self.name
