"""sitemap.xml lists every live page of every language with reciprocal hreflang alternates."""

import xml.etree.ElementTree as ElementTree

from wagtail.models import Page

from institution.models import OfficePage, StandardPage
from tests.institution.demo_site import DemoSiteTestCase

# Links name the site's configured address (the demo site: localhost, port 80), never the Host
# the request named (the test client's "testserver").
NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


class SitemapTests(DemoSiteTestCase):
    def sitemap(self, url="/sitemap.xml"):
        response = self.client.get(url)
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
        expected = {f"http://localhost{page.url}" for page in live_pages}
        self.assertEqual(set(entries), expected)
        for language in ("az", "en", "ru"):
            self.assertIn(f"http://localhost/{language}/", entries)

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
        self.assertEqual(entries["http://localhost/az/haqqimizda/yalniz/"], {})

    def test_unpublished_pages_and_their_alternates_are_left_out(self):
        OfficePage.objects.get(locale__language_code="ru", slug="guba").unpublish()
        entries = self.sitemap()
        self.assertNotIn("http://localhost/ru/ofisy/guba/", entries)
        alternates = entries["http://localhost/en/offices/guba/"]
        self.assertEqual(set(alternates), {"az", "en", "x-default"})

    def test_robots_txt_points_crawlers_at_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        lines = response.content.decode().splitlines()
        self.assertIn("Sitemap: http://localhost/sitemap.xml", lines)
        self.assertIn("Disallow: /admin/", lines)

    def test_sitemap_only_answers_reads(self):
        self.assertEqual(self.client.post("/sitemap.xml").status_code, 405)
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)

    def test_a_big_site_gets_an_index_of_parts_that_together_list_every_page(self):
        whole = self.sitemap()
        # The page cache would answer with the whole sitemap it has just stored.
        with self.settings(SITEMAP_PAGE_SIZE=20, PAGE_CACHE_ENABLED=False):
            response = self.client.get("/sitemap.xml")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response["Content-Type"], "application/xml")
            index = ElementTree.fromstring(response.content)
            self.assertEqual(index.tag, f"{{{NAMESPACES['sm']}}}sitemapindex")
            parts = [element.text for element in index.findall("sm:sitemap/sm:loc", NAMESPACES)]
            self.assertEqual(len(parts), -(-len(whole) // 20))
            self.assertEqual(parts[0], "http://localhost/sitemap.xml?page=1")
            combined = {}
            for part in parts:
                entries = self.sitemap(part.removeprefix("http://localhost"))
                self.assertLessEqual(len(entries), 20)
                self.assertFalse(set(entries) & set(combined), "a page is listed in two parts")
                combined.update(entries)
        # The same pages, each with every translation as alternate, wherever that is listed.
        self.assertEqual(combined, whole)

    def test_a_sitemap_part_that_does_not_exist_is_not_found(self):
        with self.settings(SITEMAP_PAGE_SIZE=20):
            for value in ["0", "999", "x", "-1", "1.5", "", "٣"]:
                with self.subTest(value=value):
                    response = self.client.get("/sitemap.xml", {"page": value})
                    self.assertEqual(response.status_code, 404)
                    self.assertIn("There is no sitemap part", response.content.decode())
        # A small site is one part: page 1 is the whole sitemap.
        self.assertEqual(self.sitemap("/sitemap.xml?page=1"), self.sitemap())
