"""Test-case base that loads the institution's part of the demo site once per class.

Only the home page, hotline and institution builders run (not the news articles), which keeps
these tests fast on a busy machine; the full `load_demo_content` is covered by its own tests.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.utils import translation
from django.utils.module_loading import import_string
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from core.demo import DemoContext, ensure_locales

LANGUAGES = ("az", "en", "ru")
INSTITUTION_BUILDERS = [
    "home.demo.build_home",
    "home.demo.build_hotline",
    *(path for path in settings.DEMO_CONTENT_BUILDERS if path.startswith("institution.")),
]


def load_institution_demo():
    user = get_user_model().objects.filter(username="admin").first()
    user = user or get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    context = DemoContext(user=user, locales=ensure_locales(), stdout=None)
    for dotted_path in INSTITUTION_BUILDERS:
        import_string(dotted_path)(context)
    return context


class DemoSiteTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.demo = load_institution_demo()

    def setUp(self):
        super().setUp()
        # The full-page cache outlives each test's rolled-back transaction.
        for cache in caches.all():
            cache.clear()

    def assertRoutesToItself(self, page):
        """Wagtail's router, from the language's home page, finds `page` at its own path."""
        language = page.locale.language_code
        with translation.override(language):
            root = Site.objects.get(is_default_site=True).root_page.localized.specific
            relative = page.url_path[len(root.url_path) :]
            components = [part for part in relative.split("/") if part]
            routed = root.route(self.dummy_request, components)
        self.assertEqual(routed.page.pk, page.pk, f"{page.url} routes to {routed.page}")
