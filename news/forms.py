"""The article's admin form: editors choose among the categories of the article's language."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

from news.models.snippets import NewsCategory


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "categories" not in self.fields:
            return
        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None and self.parent_page is not None:
            locale = self.parent_page.locale
        if locale is None:
            return
        # Categories already chosen stay listed even if they belong to another language
        # (translations share their source's categories), so saving never drops them.
        chosen = self.instance.categories.all() if self.instance.pk else NewsCategory.objects.none()
        self.fields["categories"].queryset = NewsCategory.objects.filter(
            Q(locale=locale) | Q(pk__in=chosen.values("pk"))
        )
