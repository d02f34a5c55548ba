"""What visitors see on the institution's pages: offices, reports, FAQ, contact, sub-navigation."""

import re
from collections import Counter

from wagtail.documents import get_document_model

from complaints.models import ComplaintPage
from institution.models import (
    ContactPage,
    FaqPage,
    OfficeIndexPage,
    OfficePage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from tests.institution.demo_site import LANGUAGES, DemoSiteTestCase, load_institution_demo

FILE_LANGUAGES = {
    "az": ["azərbaycan dilində", "ingilis dilində", "rus dilində"],
    "en": ["in Azerbaijani", "in English", "in Russian"],
    "ru": ["на азербайджанском", "на английском", "на русском"],
}


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


class InstitutionPagesTests(DemoSiteTestCase):
    def get_main(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return main_of(response.content.decode())

    def page_in(self, model, language, **filters):
        return model.objects.live().get(locale__language_code=language, **filters)

    # Offices

    def test_office_list_shows_five_offices_head_office_first_in_each_language(self):
        expected_first = {
            "az": "Baş ofis (Bakı)",
            "en": "Head office (Baku)",
            "ru": "Главный офис (Баку)",
        }
        for language in LANGUAGES:
            with self.subTest(language=language):
                main = self.get_main(self.page_in(OfficeIndexPage, language))
                names = re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', main)
                self.assertEqual(len(names), 5)
                self.assertEqual(names[0], expected_first[language])
                self.assertEqual(main.count("<address>"), 5)
                self.assertEqual(main.count('href="tel:'), 5)

    def test_regional_centres_cover_ganja_jalilabad_sheki_and_guba(self):
        main = self.get_main(self.page_in(OfficeIndexPage, "en"))
        for town in ("Ganja", "Jalilabad", "Sheki", "Guba"):
            self.assertIn(f"{town} regional centre", main)

    def test_office_page_shows_how_to_reach_it(self):
        office = self.page_in(OfficePage, "ru", slug="gyandzha")
        main = self.get_main(office)
        self.assertIn("<h1>Гянджинский региональный центр</h1>", main)
        self.assertIn("проспект Ататюрка, 25<br>Гянджа, AZ2000", main)
        self.assertIn('<a href="tel:+994222565241">+994 22 256 52 41</a>', main)
        self.assertIn('<a href="mailto:ganja@ombudsman.gov.az">', main)
        self.assertIn("Понедельник – пятница: 09:00–18:00", main)

    def test_an_unpublished_office_disappears_from_the_list(self):
        office = self.page_in(OfficePage, "en", slug="sheki")
        office.unpublish()
        main = self.get_main(self.page_in(OfficeIndexPage, "en"))
        self.assertNotIn("Sheki regional centre", main)

    # Publications

    def test_reports_are_grouped_by_type_with_the_newest_annual_report_first(self):
        main = self.get_main(self.page_in(PublicationIndexPage, "en"))
        headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", main)
        self.assertEqual(headings, ["Annual report", "Special report"])
        self.assertLess(main.index("Annual report 2024"), main.index("Annual report 2023"))
        self.assertIn("Health care in places of detention: special report", main)

    def test_report_shows_its_html_version_first_then_pdfs_with_format_size_and_language(self):
        for language in LANGUAGES:
            report = self.page_in(PublicationPage, language, year=2024, publication_type="annual")
            with self.subTest(language=language):
                main = self.get_main(report)
                first_heading_of_body = main.index('class="block-heading"')
                self.assertLess(first_heading_of_body, main.index(".pdf"))
                files = re.findall(r'<span class="meta">\((PDF, [^<]+), ([^,<]+)\)</span>', main)
                # Each file's title is in the file's language: a screen reader switches voice.
                links = re.findall(r'<a href="[^"]+\.pdf" hreflang="(\w+)" lang="(\w+)">', main)
                self.assertEqual(links, [("az", "az"), ("en", "en"), ("ru", "ru")])
                # The file's language is named in the page's language, read in the page's voice.
                self.assertEqual([label for _meta, label in files], FILE_LANGUAGES[language])
                for meta, _label in files:
                    self.assertRegex(meta, r"^PDF, \d+([.,]\d)?\s\S+$")
                    self.assertNotRegex(meta, r"^PDF, 0\s")

    def test_report_pdfs_are_real_pdf_documents(self):
        report = self.page_in(PublicationPage, "az", year=2023)
        for publication_file in report.files.all():
            with publication_file.document.file.open("rb") as pdf:
                self.assertEqual(pdf.read(5), b"%PDF-")

    # FAQ, contact, sections

    def test_faq_questions_fold_under_details_and_summary(self):
        main = self.get_main(self.page_in(FaqPage, "ru"))
        self.assertIn('<ul class="faq">', main)
        self.assertEqual(main.count("<details>"), 4)
        self.assertIn("<summary>Платно ли обращение к Омбудсману?</summary>", main)

    def test_contact_page_offers_the_hotline_the_switchboard_and_the_offices(self):
        contact = self.page_in(ContactPage, "en")
        main = self.get_main(contact)
        self.assertIn('<a href="tel:916">916</a>', main)
        self.assertIn('<a href="tel:+994124982377">+994 12 498 23 77</a>', main)
        self.assertIn("40 Uzeyir Hajibeyov Street<br>Baku AZ1000", main)
        offices = self.page_in(OfficeIndexPage, "en")
        self.assertIn(f'href="{offices.url}"', main)
        complaint = self.page_in(ComplaintPage, "en")
        self.assertIn(f'href="{complaint.url}"', main)

    def test_section_navigation_lists_the_section_in_the_pages_language(self):
        mandate = self.page_in(StandardPage, "ru", slug="mandat")
        html = self.client.get(mandate.url).content.decode()
        subnav = html[html.index('<nav class="subnav"') :]
        subnav = subnav[: subnav.index("</nav>")]
        self.assertIn('aria-label="', subnav)
        titles = re.findall(r">([^<>]+)</a>", subnav)
        self.assertEqual(
            titles, ["Об Омбудсмане", "Мандат", "Законодательство", "Часто задаваемые вопросы"]
        )
        self.assertIn(f'<a href="{mandate.url}" aria-current="page">', subnav)
        self.assertEqual(subnav.count("aria-current"), 1)

    # The demo loader

    def test_loading_the_demo_again_leaves_one_of_everything(self):
        load_institution_demo()
        for model, per_language in (
            (StandardPage, 3),
            (FaqPage, 1),
            (ContactPage, 1),
            (ComplaintPage, 1),
            (OfficeIndexPage, 1),
            (OfficePage, 5),
            (PublicationIndexPage, 1),
            (PublicationPage, 3),
        ):
            counts = Counter(model.objects.values_list("locale__language_code", flat=True))
            with self.subTest(model=model.__name__):
                self.assertEqual(counts, dict.fromkeys(LANGUAGES, per_language))
        # 2 annual reports in three languages, a special report in two.
        self.assertEqual(get_document_model().objects.count(), 8)
