"""Main menu, breadcrumbs and the footer text, in the visitor's language."""

import re

from home.models import FooterText, HomePage
from institution.models import ContactPage, FaqPage, StandardPage
from tests.institution.demo_site import DemoSiteTestCase


def element(html, start_marker, end_tag):
    """The markup from `start_marker` to the first `end_tag` after it."""
    start = html.index(start_marker)
    return html[start : html.index(end_tag, start) + len(end_tag)]


def link_texts(markup):
    return re.findall(r"<a [^>]*>\s*([^<]+?)\s*</a>", markup)


class NavigationTests(DemoSiteTestCase):
    def html(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_main_menu_lists_the_menu_pages_of_the_current_language(self):
        expected = {
            "az": ["Ombudsman haqqında", "Məruzələr", "Ofislərimiz", "Əlaqə"],
            "en": ["About the Ombudsman", "Reports", "Our offices", "Contact"],
            "ru": ["Об Омбудсмане", "Доклады", "Наши офисы", "Контакты"],
        }
        for language, titles in expected.items():
            with self.subTest(language=language):
                menu = element(self.html(f"/{language}/"), '<nav class="main-menu"', "</nav>")
                self.assertRegex(menu, r'<nav class="main-menu" aria-label="[^"]+">')
                self.assertEqual(link_texts(menu), titles)
                for href in re.findall(r'href="([^"]+)"', menu):
                    self.assertTrue(href.startswith(f"/{language}/"), href)

    def test_current_menu_item_is_marked_and_its_section_too(self):
        contact = ContactPage.objects.get(locale__language_code="en")
        menu = element(self.html(contact.url), '<nav class="main-menu"', "</nav>")
        self.assertIn(f'<a href="{contact.url}" aria-current="page">Contact</a>', menu)
        self.assertEqual(menu.count("aria-current"), 1)

        mandate = StandardPage.objects.get(locale__language_code="en", slug="mandate")
        menu = element(self.html(mandate.url), '<nav class="main-menu"', "</nav>")
        self.assertNotIn("aria-current", menu)
        self.assertIn('class="main-menu__link--section">About the Ombudsman</a>', menu)

    def test_pages_leave_the_menu_when_unticked_or_unpublished(self):
        StandardPage.objects.filter(slug="about").update(show_in_menus=False)
        ContactPage.objects.get(locale__language_code="en").unpublish()
        menu = element(self.html("/en/"), '<nav class="main-menu"', "</nav>")
        self.assertEqual(link_texts(menu), ["Reports", "Our offices"])

    def test_breadcrumbs_lead_from_home_to_the_current_page(self):
        faq = FaqPage.objects.get(locale__language_code="ru")
        crumbs = element(self.html(faq.url), '<nav class="breadcrumbs"', "</nav>")
        self.assertRegex(crumbs, r'<nav class="breadcrumbs" aria-label="[^"]+">')
        self.assertIn("<ol>", crumbs)
        self.assertEqual(
            link_texts(crumbs), ["Главная", "Об Омбудсмане", "Часто задаваемые вопросы"]
        )
        self.assertIn(f'<a href="{faq.url}" aria-current="page">', crumbs)
        self.assertEqual(crumbs.count("aria-current"), 1)

    def test_home_page_has_no_breadcrumbs(self):
        for language in ("az", "en", "ru"):
            with self.subTest(language=language):
                self.assertNotIn('class="breadcrumbs"', self.html(f"/{language}/"))

    def test_footer_text_and_links_are_in_the_visitors_language(self):
        html = self.html("/en/")
        footer = element(html, "<footer", "</footer>")
        self.assertIn("40 Uzeyir Hajibeyov Street, Baku AZ1000", footer)
        links = element(footer, '<nav class="site-footer__links"', "</nav>")
        self.assertEqual(
            link_texts(links), ["Contact", "Frequently asked questions", "Our offices"]
        )
        self.assertNotIn("/az/", links)

    def test_footer_falls_back_to_the_default_language_marked_with_its_lang(self):
        FooterText.objects.filter(locale__language_code="ru").delete()
        footer = element(self.html("/ru/"), "<footer", "</footer>")
        self.assertIn('lang="az"', footer)
        self.assertIn("Üzeyir Hacıbəyov küçəsi 40", footer)

    def test_editors_can_change_the_footer_of_one_language(self):
        footer = FooterText.objects.get(locale__language_code="en")
        footer.text = "<p>Open on weekdays.</p>"
        footer.save()
        self.assertIn("Open on weekdays.", self.html("/en/"))
        self.assertNotIn("Open on weekdays.", self.html("/ru/"))

    def test_a_menu_page_links_to_its_translation_not_across_languages(self):
        home = HomePage.objects.get(locale__language_code="ru")
        html = self.html(home.url)
        menu = element(html, '<nav class="main-menu"', "</nav>")
        self.assertNotIn('href="/az/', menu)
        self.assertNotIn('href="/en/', menu)
