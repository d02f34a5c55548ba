"""The complaint page: one per language, with its form, thank-you page and status check."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from core.models import BasePage


class ComplaintPage(RoutablePageMixin, BasePage):
    """Where a visitor files a complaint (fixed, translated fields) and checks its status."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What a complaint should contain, shown above the form."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=["bold", "italic", "link"],
        help_text=_("Shown once the complaint is sent: what happens next, and when."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("complaint page")

    def serve(self, request, *args, **kwargs):
        from complaints.views import no_store

        return no_store(super().serve(request, *args, **kwargs))

    @path("")
    def form_view(self, request):
        from complaints.views import complaint_form

        return complaint_form(self, request)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        from complaints.views import thanks

        return thanks(self, request)

    @path("check/", name="check")
    def check_view(self, request):
        from complaints.views import status_check

        return status_check(self, request)
