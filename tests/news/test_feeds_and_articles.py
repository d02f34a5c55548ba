"""Feeds per language; what a reader sees on an article: date, views, categories, related news."""

import datetime
import html as html_module
import json
import re
import xml.etree.ElementTree as ElementTree

from django.core.cache import cache
from django.test import RequestFactory, TestCase
from django.utils import translation

from news.demo_content.articles_2022_2023 import ANNUAL_REPORT_2022
from news.demo_content.seed import SEED_ARTICLE
from news.models import ArticleViewCount, NewsPage
from tests.news.site import add_article, build_news_site, category

SEED_SLUG = SEED_ARTICLE.slug
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INDEX_PATHS = {"az": "/az/xeberler/", "en": "/en/news/", "ru": "/ru/novosti/"}
SEED_TITLE_WORDS = {
    "az": "Məsləhətləşmə Görüşündə",
    "en": "High-Level Consultation Meeting",
    "ru": "Консультативной встрече",
}


class NewsFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_news_site()
        add_article(cls.site["indexes"]["en"], "English only", datetime.date(2024, 1, 9))

    def setUp(self):
        cache.clear()

    def test_index_announces_its_feeds(self):
        response = self.client.get("/ru/novosti/")
        self.assertContains(
            response, 'type="application/rss+xml" title="Новости (RSS)" href="/ru/novosti/rss/"'
        )
        self.assertContains(response, 'type="application/atom+xml"')
        self.assertContains(response, 'href="/ru/novosti/atom/"')

    def test_rss_feed_is_well_formed_and_in_the_feeds_language_only(self):
        for language, index_path in INDEX_PATHS.items():
            with self.subTest(language=language):
                response = self.client.get(index_path + "rss/")
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
                channel = ElementTree.fromstring(response.content).find("channel")
                self.assertEqual(channel.findtext("language"), language)
                items = channel.findall("item")
                links = [item.findtext("link") for item in items]
                self.assertTrue(all(f"/{language}/" in link for link in links), links)
                titles = [item.findtext("title") for item in items]
                self.assertIn(SEED_TITLE_WORDS[language], " ".join(titles))
                self.assertEqual("English only" in titles, language == "en")

    def test_atom_feed_is_well_formed_and_in_the_feeds_language_only(self):
        for language, index_path in INDEX_PATHS.items():
            with self.subTest(language=language):
                response = self.client.get(index_path + "atom/")
                self.assertEqual(response.status_code, 200)
                feed = ElementTree.fromstring(response.content)
                self.assertEqual(feed.get(XML_LANG), language)
                entries = feed.findall(f"{ATOM}entry")
                self.assertEqual(len(entries), 2 if language == "en" else 1)
                seed_entry = entries[-1]
                self.assertIn(SEED_TITLE_WORDS[language], seed_entry.findtext(f"{ATOM}title"))
                link = seed_entry.find(f"{ATOM}link").get("href")
                slug = self.site["articles"][SEED_SLUG][language].slug
                self.assertTrue(link.endswith(f"{index_path}{slug}/"), link)
                # Each language's address is its own: English as written, az and ru from the title.
                self.assertEqual(slug == SEED_SLUG, language == "en")


class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_news_site(articles=(SEED_ARTICLE, ANNUAL_REPORT_2022))
        en_index = cls.site["indexes"]["en"]
        cooperation = category("international-cooperation", "en")
        cls.older = add_article(
            en_index, "Older cooperation", datetime.date(2018, 1, 1), [cooperation]
        )
        cls.newer = add_article(
            en_index, "Newer cooperation", datetime.date(2024, 1, 1), [cooperation]
        )
        add_article(en_index, "Unrelated", datetime.date(2025, 1, 1), [category("events", "en")])

    def article(self, language):
        return self.site["articles"][SEED_SLUG][language]

    def render(self, page):
        """The article as its template renders it (no page cache, no visit counting)."""
        page = NewsPage.objects.get(pk=page.pk)  # as a request would load it, with today's count
        request = RequestFactory().get(page.url)
        with translation.override(page.locale.language_code):
            response = page.serve(request)
            response.render()
        return response.content.decode()

    def set_views(self, page, count):
        ArticleViewCount.objects.update_or_create(page=page, defaults={"count": count})

    def test_view_count_in_english_uses_singular_and_plural(self):
        article = self.article("en")
        for count, text in ((0, "Read 0 times"), (1, "Read 1 time"), (601, "Read 601 times")):
            with self.subTest(count=count):
                self.set_views(article, count)
                self.assertIn(f'<span class="view-count">{text}</span>', self.render(article))

    def test_view_count_without_a_count_row_shows_zero(self):
        article = self.article("en")
        ArticleViewCount.objects.filter(page=article).delete()
        self.assertIn('<span class="view-count">Read 0 times</span>', self.render(article))

    def test_view_count_in_azerbaijani(self):
        article = self.article("az")
        for count in (1, 601):
            with self.subTest(count=count):
                self.set_views(article, count)
                expected = f'<span class="view-count">{count} dəfə oxunub</span>'
                self.assertIn(expected, self.render(article))

    def test_view_count_in_russian_uses_its_three_plural_forms(self):
        article = self.article("ru")
        forms = {1: "раз", 3: "раза", 5: "раз", 11: "раз", 21: "раз", 22: "раза", 601: "раз"}
        for count, word in forms.items():
            with self.subTest(count=count):
                self.set_views(article, count)
                expected = f'<span class="view-count">Прочитано {count} {word}</span>'
                self.assertIn(expected, self.render(article))

    def test_article_shows_its_date_summary_image_and_categories_in_its_language(self):
        html = self.render(self.article("ru"))
        self.assertIn('<time datetime="2020-02-13">13 февраля 2020</time>', html)
        self.assertIn('href="/ru/novosti/?category=international-cooperation">Международное', html)
        self.assertIn('alt="Афиша со словами «ENNHRI» и «13.02.2020»', html)
        self.assertIn("<figcaption>Консультативная встреча высокого уровня ENNHRI", html)
        self.assertIn('href="/ru/novosti/?tag=ennhri">ENNHRI</a>', html)
        self.assertEqual(html.count("<h1"), 1)

    def test_related_news_share_a_category_newest_first_in_the_same_language(self):
        related = list(self.article("en").related_news())
        self.assertEqual(related, [self.newer, self.older])
        html = self.render(self.article("en"))
        self.assertLess(html.index("Newer cooperation"), html.index("Older cooperation"))
        self.assertNotIn("Unrelated", html)
        self.assertEqual(list(self.article("ru").related_news()), [])

    def test_view_count_survives_publishing_an_old_revision(self):
        article = self.article("en")
        self.set_views(article, 601)
        first_revision = article.revisions.order_by("created_at").first()
        first_revision.publish()
        self.assertEqual(NewsPage.objects.get(pk=article.pk).view_total, 601)

    def test_translated_article_shows_its_table_quote_and_document_in_its_language(self):
        html = self.render(self.site["articles"][ANNUAL_REPORT_2022.slug]["ru"])
        self.assertIn('<th scope="col">Тема</th><th scope="col">Число обращений</th>', html)
        self.assertIn("<td>Трудовые права</td><td>1874</td>", html)
        self.assertIn("Обращения, поступившие в 2022 году, по темам</caption>", html)
        self.assertIn("<blockquote><p>За каждым обращением стоит судьба", html)
        self.assertIn('hreflang="en">Краткое изложение ежегодного доклада</a>', html)
        self.assertIn(", на английском)", html)

    def test_translators_see_the_table_text_in_the_translation_editor(self):
        self.client.force_login(self.site["user"])
        russian = self.site["articles"][ANNUAL_REPORT_2022.slug]["ru"]
        response = self.client.get(f"/admin/pages/{russian.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        props_attribute = re.search(r'data-props="([^"]+)"', response.content.decode()).group(1)
        props = json.loads(html_module.unescape(props_attribute))
        sources = {
            segment["source"] for segment in props["segments"] if segment["type"] == "string"
        }
        self.assertIn("Məhkəmə qərarlarının icrası", sources)  # a table cell
        self.assertIn("Müraciətlərin sayı", sources)  # a column heading: the header row
