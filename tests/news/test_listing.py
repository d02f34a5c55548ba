"""The news index: pages of ten, filters by category, year and tag, the year archive, bad input."""

import datetime
import re

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from core.demo_images import demo_image
from tests.news.site import add_article, add_articles, build_news_site, category

INDEX_URL = "/en/news/"


def card_titles(response):
    return re.findall(
        r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


class NewsListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_news_site()  # the seed article, 13 February 2020, in az, en and ru
        index = cls.site["indexes"]["en"]
        picture = demo_image("Listing test picture", "#335577", ["Test"])
        cls.events = add_articles(index, 11, 2021, category("events", "en"), prefix="Event")
        for article in cls.events[:4]:
            article.lead_image, article.lead_image_alt = picture, "A blue test picture"
            article.save_revision().publish()
        cls.monitoring_2019 = add_article(
            index,
            "Prison visit",
            datetime.date(2019, 5, 5),
            [category("monitoring", "en")],
            tags=["OPCAT"],
        )

    def setUp(self):
        cache.clear()  # the page cache must not answer for an earlier test

    def get(self, query=""):
        return self.client.get(INDEX_URL + query)

    def test_first_page_lists_the_ten_newest_articles(self):
        response = self.get()
        self.assertEqual(response.status_code, 200)
        titles = card_titles(response)
        self.assertEqual(titles, [f"Event 2021 {number}" for number in range(10, 0, -1)])
        self.assertContains(response, "13 articles")
        self.assertContains(response, 'href="?page=2" rel="next"')
        self.assertContains(response, 'href="?page=1" aria-current="page"')

    def test_second_page_lists_the_older_articles(self):
        titles = card_titles(self.get("?page=2"))
        self.assertEqual(len(titles), 3)
        self.assertEqual(titles[0], "Event 2021 0")
        self.assertIn("Prison visit", titles[2])

    def test_category_filter_shows_only_that_category_and_pagination_keeps_it(self):
        response = self.get("?category=events")
        titles = card_titles(response)
        self.assertEqual(len(titles), 10)
        self.assertTrue(all(title.startswith("Event") for title in titles))
        self.assertContains(response, 'href="?category=events&amp;page=2"')
        self.assertContains(response, '<option value="events" selected>Events</option>', html=False)
        second_page = card_titles(self.get("?category=events&page=2"))
        self.assertEqual(second_page, ["Event 2021 0"])

    def test_category_filter_finds_translated_articles_of_that_category(self):
        response = self.get("?category=international-cooperation")
        titles = card_titles(response)
        self.assertEqual(len(titles), 1)
        self.assertIn("ENNHRI High-Level Consultation Meeting", titles[0])

    def test_year_filter_and_tag_filter(self):
        self.assertEqual(card_titles(self.get("?year=2019")), ["Prison visit"])
        self.assertEqual(card_titles(self.get("?tag=opcat")), ["Prison visit"])
        self.assertEqual(len(card_titles(self.get("?year=2020"))), 1)

    def test_filters_with_no_match_say_so(self):
        response = self.get("?category=monitoring&year=2021")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No news matches these filters.")

    def test_archive_lists_each_year_with_its_number_of_articles(self):
        html = re.sub(r"\s+", " ", self.get().content.decode())
        self.assertIn(
            '<a href="/en/news/?year=2021">2021</a> <span class="meta">(11 articles)', html
        )
        self.assertIn('<a href="/en/news/?year=2020">2020</a> <span class="meta">(1 article)', html)
        self.assertIn('<a href="/en/news/?year=2019">2019</a> <span class="meta">(1 article)', html)

    def test_other_languages_list_only_their_own_articles(self):
        response = self.client.get("/ru/novosti/")
        titles = card_titles(response)
        self.assertEqual(len(titles), 1)
        self.assertIn("ENNHRI", titles[0])
        self.assertContains(response, "Международное сотрудничество")

    def test_every_bad_parameter_gives_a_404_with_a_clear_message(self):
        cases = {
            "?page=0": "There is no page 0",
            "?page=-1": "There is no page -1",
            "?page=3": "There is no page 3: this list has 2 pages.",
            "?page=abc": "“abc” is not a page number.",
            "?page=1.5": "“1.5” is not a page number.",
            "?page=" + "9" * 400: "There is no page 999",
            "?year=abcd": "“abcd” is not a year",
            "?year=20": "“20” is not a year",
            "?year=%D9%A2%D9%A0%D9%A2%D9%A0": "is not a year",  # Arabic-Indic digits
            "?year=1999": "There is no news from 1999.",
            "?year=0000": "There is no news from 0.",
            "?year=9999": "There is no news from 9999.",
            "?category=nope": "There is no news category “nope”.",
            "?category=%3Cscript%3E": "There is no news category “&lt;script&gt;”.",
            "?tag=nope": "There is no news tagged “nope”.",
            "?tag=a%00b": "There is no news tagged “a�b”.",
            "?category=a%00b": "There is no news category “a�b”.",
            "?year=2020%0A": "is not a year",
            "?page=%00": "is not a page number.",
            "?category=events&page=2&year=2019": "There is no page 2",
        }
        for query, message in cases.items():
            with self.subTest(query=query[:40]):
                response = self.get(query)
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, message, status_code=404)
                self.assertContains(response, "<h1>News</h1>", status_code=404)
                self.assertContains(response, 'href="/en/news/">See all news</a>', status_code=404)

    def test_a_very_long_value_is_shortened_in_the_message(self):
        response = self.get("?category=" + "x" * 5000)
        self.assertEqual(response.status_code, 404)
        notice = re.search(r'<section class="notice".*?</section>', response.content.decode(), re.S)
        self.assertIn("There is no news category “" + "x" * 60 + "…”.", notice.group())

    def test_listing_queries_do_not_grow_with_the_number_of_articles(self):
        # Page 1: ten articles, three with a picture; page 2: one article, with a picture.
        self.get("?category=events&page=2")  # warm up: renditions are made on first display
        self.get("?category=events")
        cache.clear()
        with CaptureQueriesContext(connection) as one_article:
            self.get("?category=events&page=2")
        cache.clear()
        with CaptureQueriesContext(connection) as ten_articles:
            self.get("?category=events")
        self.assertEqual(len(ten_articles), len(one_article))
