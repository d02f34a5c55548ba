"""sitemap.xml lists every live page of every language with reciprocal hreflang alternates."""

import xml.etree.ElementTree as ElementTree

from wagtail.models import Page

from institution.models import OfficePage, StandardPage
from tests.institution.demo_site import DemoSiteTestCase

NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


class SitemapTests(DemoSiteTestCase):
    def sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        root = ElementTree.fromstring(response.content)
        entries = {}
        for url in root.findall("sm:url", NAMESPACES):
            location = url.find("sm:loc", NAMESPACES).text
            alternates = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", NAMESPACES)
            }
            self.assertNotIn(location, entries, "a page is listed twice")
            entries[location] = alternates
        return entries

    def test_every_live_page_of_every_language_is_listed_once(self):
        entries = self.sitemap()
        live_pages = Page.objects.filter(depth__gte=2).live().public()
        expected = {f"http://testserver{page.url}" for page in live_pages}
        self.assertEqual(set(entries), expected)
        for language in ("az", "en", "ru"):
            self.assertIn(f"http://testserver/{language}/", entries)

    def test_alternates_are_reciprocal_and_include_the_page_itself(self):
        entries = self.sitemap()
        for location, alternates in entries.items():
            with self.subTest(location=location):
                self.assertIn(location, alternates.values())
                self.assertEqual(alternates["x-default"], alternates["az"])
                for language, href in alternates.items():
                    self.assertIn(href, entries, f"{language} alternate is not in the sitemap")
                    self.assertEqual(entries[href], alternates)

    def test_a_page_without_translations_has_no_alternates(self):
        about = StandardPage.objects.get(locale__language_code="az", slug="haqqimizda")
        about.add_child(instance=StandardPage(title="Yalnız azərbaycanca", slug="yalniz", body=[]))
        entries = self.sitemap()
        self.assertEqual(entries["http://testserver/az/haqqimizda/yalniz/"], {})

    def test_unpublished_pages_and_their_alternates_are_left_out(self):
        OfficePage.objects.get(locale__language_code="ru", slug="guba").unpublish()
        entries = self.sitemap()
        self.assertNotIn("http://testserver/ru/ofisy/guba/", entries)
        alternates = entries["http://testserver/en/offices/guba/"]
        self.assertEqual(set(alternates), {"az", "en", "x-default"})

    def test_robots_txt_points_crawlers_at_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        lines = response.content.decode().splitlines()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertIn("Disallow: /admin/", lines)

    def test_sitemap_only_answers_reads(self):
        self.assertEqual(self.client.post("/sitemap.xml").status_code, 405)
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)
