"""The demo news: every article exists and reads in az, en and ru, each in its own language."""

from django.core.cache import cache
from django.test import TestCase

from news.demo_content import ARTICLES, CATEGORIES
from news.models import NewsCategory, NewsPage
from tests.news.site import build_news_site

LANGUAGES = ("az", "en", "ru")


class DemoNewsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_news_site(articles=ARTICLES)

    def setUp(self):
        cache.clear()

    def test_the_demo_has_the_seed_and_at_least_twelve_more_articles_from_2019_to_2026(self):
        years = {article.date.year for article in ARTICLES}
        self.assertGreaterEqual(len(ARTICLES), 13)
        self.assertEqual(min(years), 2019)
        self.assertEqual(max(years), 2026)
        used_categories = {slug for article in ARTICLES for slug in article.categories}
        self.assertGreaterEqual(len(used_categories), 3)
        for language in LANGUAGES:
            with self.subTest(language=language):
                live = NewsPage.objects.live().filter(locale__language_code=language)
                self.assertEqual(live.count(), len(ARTICLES))
                categories = NewsCategory.objects.filter(locale__language_code=language)
                self.assertEqual(categories.count(), len(CATEGORIES))

    def test_every_article_reads_in_every_language_with_its_own_title(self):
        for article in ARTICLES:
            for language in LANGUAGES:
                with self.subTest(article=article.slug, language=language):
                    page = self.site["articles"][article.slug][language]
                    response = self.client.get(page.url)
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    self.assertIn(f'<html lang="{language}"', html)
                    self.assertEqual(html.count("<h1"), 1)
                    self.assertIn(article.text[language].summary[:40], html)
                    self.assertEqual(page.title, article.text[language].title)

    def test_articles_with_pictures_describe_them_in_each_language(self):
        pictured = [article for article in ARTICLES if article.image_colour]
        self.assertGreaterEqual(len(pictured), 3)
        for article in pictured:
            for language in LANGUAGES:
                with self.subTest(article=article.slug, language=language):
                    page = self.site["articles"][article.slug][language]
                    self.assertIsNotNone(page.lead_image)
                    self.assertEqual(page.lead_image_alt, article.text[language].image_alt)
                    self.assertTrue(page.lead_image_alt)
