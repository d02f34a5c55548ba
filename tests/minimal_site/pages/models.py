"""Three page types of the minimal site; the accessibility statement is the app's own."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["minimal_pages.ArticleIndexPage", "accessibility.AccessibilityStatementPage"]


class ArticleIndexPage(Page):
    parent_page_types = ["minimal_pages.HomePage"]
    subpage_types = ["minimal_pages.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_children().live().specific()
        return context


class ArticlePage(Page):
    body = RichTextField()

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["minimal_pages.ArticleIndexPage"]
    subpage_types = []
