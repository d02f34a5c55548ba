"""The article's admin form: editors choose among the categories of the article's language."""

from django.db.models import Q

from accessibility.forms import AccessibilityCheckedPageForm


class NewsPageForm(AccessibilityCheckedPageForm):
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
        # A page loaded from a draft revision holds its categories in a modelcluster
        # FakeQuerySet, which has no .values(): collect the ids in Python.
        chosen_ids = [category.pk for category in self.instance.categories.all()]
        # The category model comes from the field: this form and the models do not import
        # each other.
        categories = self.fields["categories"].queryset.model
        self.fields["categories"].queryset = categories.objects.filter(
            Q(locale=locale) | Q(pk__in=chosen_ids)
        )
