"""The home page: the institution's message, the hotline, quick links and the latest news."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage
from institution.models import PublicationIndexPage
from news.models import NewsIndexPage, NewsPage
from tests.institution.demo_site import LANGUAGES, DemoSiteTestCase


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


class HomePageTests(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.en_home = HomePage.objects.get(locale__language_code="en")
        cls.news_index = NewsIndexPage(title="News", slug="news")
        cls.en_home.add_child(instance=cls.news_index)
        image = get_image_model().objects.create(title="Visit", file=get_test_image_file())
        for day in range(1, 7):
            cls.news_index.add_child(
                instance=NewsPage(
                    title=f"Article of {day} March",
                    slug=f"article-{day}",
                    publication_date=datetime.date(2026, 3, day),
                    summary=f"What happened on {day} March.",
                    lead_image=image,
                    lead_image_alt="Staff of the Ombudsman's office at a meeting",
                )
            )

    def home_main(self, language="en"):
        response = self.client.get(f"/{language}/")
        self.assertEqual(response.status_code, 200)
        return main_of(response.content.decode())

    def latest_titles(self, main):
        section = main[main.index('class="latest-news"') :]
        return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section)

    def test_the_message_and_hotline_are_on_the_home_page_in_each_language(self):
        messages = {"az": "Hər kəsin hüquq", "en": "Protecting everyone", "ru": "Защита прав"}
        for language in LANGUAGES:
            with self.subTest(language=language):
                main = self.home_main(language)
                self.assertIn(messages[language], main)
                self.assertIn('<a href="tel:916">916</a>', main)

    def test_quick_links_lead_to_complaint_reports_and_offices_in_the_same_language(self):
        expected = {
            "en": ["Make a complaint", "Reports", "Offices and reception hours"],
            "ru": ["Подать жалобу", "Доклады", "Офисы и часы приёма"],
        }
        for language, titles in expected.items():
            with self.subTest(language=language):
                main = self.home_main(language)
                section = main[main.index('class="quick-links"') : main.index("</section>")]
                links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', section)
                self.assertEqual([title for _href, title in links], titles)
                for href, _title in links:
                    self.assertTrue(href.startswith(f"/{language}/"), href)

    def test_a_quick_link_whose_page_is_unpublished_is_hidden(self):
        PublicationIndexPage.objects.get(locale__language_code="en").unpublish()
        main = self.home_main("en")
        self.assertNotIn("Read the annual and special reports.", main)
        self.assertIn("Make a complaint", main)

    def test_the_four_newest_articles_of_the_language_are_shown_newest_first(self):
        main = self.home_main("en")
        self.assertEqual(
            self.latest_titles(main),
            [
                "Article of 6 March",
                "Article of 5 March",
                "Article of 4 March",
                "Article of 3 March",
            ],
        )
        self.assertIn('<time datetime="2026-03-06">', main)
        self.assertIn('alt="Staff of the Ombudsman&#x27;s office at a meeting"', main)
        self.assertIn(f'href="{self.news_index.url}"', main)
        self.assertNotIn("Article of", self.home_main("ru"))

    def test_editors_choose_how_many_articles_the_home_page_shows(self):
        self.en_home.latest_news_count = 3
        self.en_home.save_revision().publish()
        self.assertEqual(len(self.latest_titles(self.home_main("en"))), 3)
        self.en_home.latest_news_count = 7
        with self.assertRaises(ValidationError):
            self.en_home.full_clean()

    def test_listing_more_articles_costs_no_extra_queries(self):
        def queries_for(count):
            self.en_home.latest_news_count = count
            self.en_home.save_revision().publish()
            self.home_main("en")  # renditions are made on the first view
            self.setUp()  # empty the page cache again
            with CaptureQueriesContext(connection) as captured:
                self.home_main("en")
            return len(captured)

        self.assertEqual(queries_for(3), queries_for(5))
