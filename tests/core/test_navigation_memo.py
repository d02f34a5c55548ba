"""Memoised navigation (core/navigation.py) never shows an editor's unsaved preview to visitors,
and follows what editors publish."""

from django.test import RequestFactory
from django.utils import translation

from core.templatetags.navigation_tags import resolve_links
from home.models import HomePage
from institution.models import StandardPage
from tests.institution.demo_site import DemoSiteTestCase


class QuickLinksInPreviewTests(DemoSiteTestCase):
    def links(self, owner, preview):
        request = RequestFactory().get("/en/")
        request.is_preview = preview
        with translation.override("en"):
            return resolve_links({"request": request, "page": owner}, owner, "quick_links")

    def test_a_preview_shows_the_draft_links_and_visitors_never_see_them(self):
        draft = HomePage.objects.get(locale__language_code="en")
        draft.quick_links[0].value["title"] = "Only in the editor's preview"

        previewed = self.links(draft, preview=True)
        public = self.links(HomePage.objects.get(pk=draft.pk), preview=False)
        previewed_again = self.links(draft, preview=True)

        self.assertEqual(previewed[0].title, "Only in the editor's preview")
        self.assertNotEqual(public[0].title, "Only in the editor's preview")
        self.assertEqual(previewed_again[0].title, "Only in the editor's preview")


class MenuFollowsPublishingTests(DemoSiteTestCase):
    def test_a_page_published_into_the_menu_is_listed_on_the_next_visit(self):
        self.assertNotIn("Newly published", self.client.get("/en/").content.decode())
        about = StandardPage.objects.get(locale__language_code="en", slug="about")
        home = about.get_parent()
        page = StandardPage(title="Newly published", slug="newly-published", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()

        html = self.client.get("/en/").content.decode()
        menu = html[html.index('<nav class="main-menu"') :]
        self.assertIn(">Newly published</a>", menu[: menu.index("</nav>")])

    def test_a_renamed_section_shows_its_new_name_in_breadcrumbs(self):
        about = StandardPage.objects.get(locale__language_code="en", slug="about")
        mandate = StandardPage.objects.get(locale__language_code="en", slug="mandate")
        self.client.get(mandate.url)  # the trail is memoised here
        about.title = "About us, renamed"
        about.save_revision().publish()

        html = self.client.get(mandate.url).content.decode()
        crumbs = html[html.index('<nav class="breadcrumbs"') :]
        self.assertIn(">About us, renamed</a>", crumbs[: crumbs.index("</nav>")])
