"""Every institution page type: where it may live, creation through the admin, and rendering."""

from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accessibility.models.statement import AccessibilityStatementPage
from complaints.models import ComplaintPage
from home.models import HomePage
from institution.models import (
    ContactPage,
    FaqPage,
    OfficeIndexPage,
    OfficePage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from news.models import NewsIndexPage
from tests.institution.demo_site import LANGUAGES, DemoSiteTestCase

PAGE_TYPES = [
    ComplaintPage,
    StandardPage,
    FaqPage,
    ContactPage,
    OfficeIndexPage,
    OfficePage,
    PublicationIndexPage,
    PublicationPage,
]


def body_data():
    return streamfield(
        [
            ("heading", {"text": "What we do", "level": "h2"}),
            ("paragraph", rich_text("<p>We examine complaints about public authorities.</p>")),
        ]
    )


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_accepts_the_top_level_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                FaqPage,
                PublicationIndexPage,
                OfficeIndexPage,
                ContactPage,
                ComplaintPage,
                NewsIndexPage,
                AccessibilityStatementPage,
            },
        )

    def test_standard_pages_nest_and_hold_faqs(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, FaqPage})
        self.assertAllowedParentPageTypes(FaqPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(FaqPage, set())

    def test_offices_live_only_in_the_office_list(self):
        self.assertAllowedParentPageTypes(OfficeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OfficeIndexPage, {OfficePage})
        self.assertAllowedParentPageTypes(OfficePage, {OfficeIndexPage})
        self.assertAllowedSubpageTypes(OfficePage, set())

    def test_publications_live_only_in_the_publication_list(self):
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())

    def test_contact_page_and_complaint_page_are_leaves_under_home(self):
        for model in (ContactPage, ComplaintPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())


class AdminCreationTests(DemoSiteTestCase):
    """An editor can create and publish each page type with the admin's own form."""

    def setUp(self):
        self.client.force_login(self.demo.user)
        self.home = HomePage.objects.get(locale__language_code="az")

    def test_editor_creates_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {"title": "Annual priorities", "slug": "priorities", "body": body_data()}
            ),
        )
        page = StandardPage.objects.get(slug="priorities")
        self.assertTrue(page.live)

    def test_editor_creates_a_faq_page(self):
        questions = streamfield(
            [
                (
                    "question",
                    {
                        "question": "Can I complain in Russian?",
                        "answer": rich_text("<p>Yes, in any of the three languages.</p>"),
                    },
                )
            ]
        )
        self.assertCanCreate(
            self.home,
            FaqPage,
            nested_form_data({"title": "Questions", "slug": "questions", "questions": questions}),
        )
        self.assertEqual(len(FaqPage.objects.get(slug="questions").questions), 1)

    def test_editor_creates_an_office(self):
        offices = OfficeIndexPage.objects.get(locale__language_code="az")
        data = {
            "title": "Lankaran office",
            "slug": "lankaran",
            "address": "1 Main Street\nLankaran",
            "phone": "+994 25 255 00 00",
            "email": "lankaran@example.org",
            "reception_hours": "Monday to Friday 09:00–18:00",
            "area_served": "Lankaran, Astara",
        }
        self.assertCanCreate(offices, OfficePage, nested_form_data(data))
        self.assertEqual(OfficePage.objects.get(slug="lankaran").tel_href, "tel:+994252550000")

    def test_an_office_phone_number_must_be_a_phone_number(self):
        offices = OfficeIndexPage.objects.get(locale__language_code="az")
        data = {
            "title": "Bad office",
            "slug": "bad-office",
            "address": "Somewhere",
            "phone": "call us",
            "reception_hours": "Never",
            "action-publish": "action-publish",
        }
        url = f"/admin/pages/add/institution/officepage/{offices.pk}/"
        response = self.client.post(url, nested_form_data(data))
        self.assertEqual(response.status_code, 200)
        self.assertIn("phone", response.context["form"].errors)
        self.assertFalse(OfficePage.objects.filter(slug="bad-office").exists())

    def test_editor_creates_a_publication_with_a_pdf(self):
        document = get_document_model()(title="Report on prisons")
        document.file.save("prisons.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        document.save()
        reports = PublicationIndexPage.objects.get(locale__language_code="az")
        data = {
            "title": "Prisons report",
            "slug": "prisons-report",
            "publication_type": "special",
            "year": "2025",
            "summary": "What we found in prisons.",
            "body": body_data(),
            "files": inline_formset([{"document": str(document.pk), "language": "en"}]),
        }
        self.assertCanCreate(reports, PublicationPage, nested_form_data(data))
        created = PublicationPage.objects.get(slug="prisons-report")
        self.assertEqual([file.language for file in created.files.all()], ["en"])

    def test_a_contact_page_needs_its_address_and_email(self):
        ContactPage.objects.filter(locale__language_code="az").delete()
        data = {
            "title": "Write to us",
            "slug": "write",
            "postal_address": "40 Uzeyir Hajibeyov Street, Baku",
            "phone": "+994 12 498 23 77",
            "email": "office@example.org",
        }
        self.assertCanCreate(self.home, ContactPage, nested_form_data(data))

    def test_editor_creates_a_complaint_page_with_its_texts(self):
        ComplaintPage.objects.filter(locale__language_code="az").delete()
        data = {
            "title": "Complaint",
            "slug": "complaint-page",
            "intro": rich_text("<p>Tell us what happened.</p>"),
            "thank_you_text": rich_text("<p>Thank you.</p>"),
        }
        self.assertCanCreate(self.home, ComplaintPage, nested_form_data(data))
        created = ComplaintPage.objects.get(slug="complaint-page")
        self.assertIn("Tell us what happened.", created.intro)

    def test_index_pages_can_be_created_once_per_language(self):
        home = HomePage.objects.get(locale__language_code="az")
        for model in (OfficeIndexPage, PublicationIndexPage, ContactPage, ComplaintPage):
            with self.subTest(model=model.__name__):
                self.assertFalse(model.can_create_at(home))


class RenderingInEveryLanguageTests(DemoSiteTestCase):
    def test_every_page_type_is_routable_and_renderable_in_each_language(self):
        for model in PAGE_TYPES:
            for language in LANGUAGES:
                locale = Locale.objects.get(language_code=language)
                page = model.objects.live().filter(locale=locale).first()
                with self.subTest(model=model.__name__, language=language):
                    self.assertIsNotNone(page, f"the demo has no {language} {model.__name__}")
                    self.assertRoutesToItself(page)
                    with translation.override(language):
                        self.assertPageIsRenderable(page)

    def test_each_page_is_served_with_its_language_and_one_h1(self):
        for model in PAGE_TYPES:
            for language in LANGUAGES:
                page = model.objects.live().filter(locale__language_code=language).first()
                with self.subTest(model=model.__name__, language=language):
                    html = self.client.get(page.url).content.decode()
                    self.assertIn(f'<html lang="{language}"', html)
                    self.assertEqual(html.count("<h1"), 1)
