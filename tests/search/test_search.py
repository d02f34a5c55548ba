"""Site search: one results page per language, paginated, with a length-limited query."""

import datetime
import re

from django.core.cache import cache
from django.test import TestCase

from tests.news.site import add_article, build_news_site

SEED_WORDS = {"az": "Şener", "en": "Shener", "ru": "Шенер"}


def result_links(response):
    return re.findall(r'<h3 class="card__title"><a href="([^"]+)">', response.content.decode())


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site = build_news_site()
        en_index = site["indexes"]["en"]
        cls.seed_urls = {
            language: page.url for language, page in next(iter(site["articles"].values())).items()
        }
        for number in range(12):
            add_article(
                en_index,
                f"Reception in Sheki {number}",
                datetime.date(2022, 1, 1 + number),
                summary="Citizens were received in Sheki.",
            )

    def setUp(self):
        cache.clear()

    def search(self, language, query="", **params):
        return self.client.get(f"/{language}/search/", {"q": query, **params} if query else params)

    def test_a_word_of_the_seed_article_is_found_in_each_language(self):
        for language, word in SEED_WORDS.items():
            with self.subTest(language=language):
                response = self.search(language, word)
                self.assertEqual(response.status_code, 200)
                links = result_links(response)
                self.assertTrue(links, f"nothing found for {word} in {language}")
                self.assertTrue(all(link.startswith(f"/{language}/") for link in links), links)
                self.assertIn(self.seed_urls[language], links)

    def test_results_are_only_in_the_language_searched(self):
        links = result_links(self.search("ru", "ENNHRI"))
        self.assertTrue(links)
        self.assertTrue(all(link.startswith("/ru/") for link in links), links)

    def test_empty_query_shows_only_the_labelled_form(self):
        response = self.search("en")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<label for="search-query">Words to search for</label>')
        self.assertContains(response, 'role="search"')
        self.assertNotContains(response, "search-results-heading")

    def test_results_are_paginated_and_keep_the_query(self):
        first = self.search("en", "Sheki")
        self.assertEqual(len(result_links(first)), 10)
        self.assertContains(first, "12 results for “Sheki”")
        self.assertContains(first, 'href="?q=Sheki&amp;page=2" rel="next"')
        second = self.search("en", "Sheki", page="2")
        self.assertEqual(len(result_links(second)), 2)

    def test_a_query_over_200_characters_is_refused_with_a_clear_message(self):
        response = self.search("en", "a" * 201)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Your search is 201 characters long.", status_code=400)
        self.assertContains(response, 'class="error-summary"', status_code=400)
        self.assertContains(response, 'aria-invalid="true"', status_code=400)
        self.assertEqual(self.search("en", "a" * 200).status_code, 200)

    def test_the_length_message_uses_each_languages_plural_forms(self):
        cases = {
            ("ru", 201): "Длина вашего запроса — 201 символ. Используйте не больше 200 символов",
            ("ru", 202): "Длина вашего запроса — 202 символа.",
            ("ru", 205): "Длина вашего запроса — 205 символов.",
            ("az", 201): "Axtarış sorğunuz 201 simvoldan ibarətdir.",
        }
        for (language, length), message in cases.items():
            with self.subTest(language=language, length=length):
                response = self.search(language, "a" * length)
                self.assertContains(response, message, status_code=400)

    def test_a_query_with_control_characters_is_refused_with_a_clear_message(self):
        response = self.search("en", "rights\x00")
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Your search contains control characters.", status_code=400)

    def test_queries_made_of_search_syntax_characters_still_answer(self):
        for query in ("a & b", "!!!", "'", "rights:*", "(Sheki", "Sheki | x", "<b>", "%", "\\"):
            with self.subTest(query=query):
                response = self.search("en", query)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "search-results-heading")

    def test_bad_page_numbers_give_404_with_a_message(self):
        for page, message in (("abc", "“abc” is not a page number."), ("9", "There is no page 9")):
            with self.subTest(page=page):
                response = self.search("en", "Sheki", page=page)
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, message, status_code=404)
                self.assertContains(response, "<h1>Search</h1>", status_code=404)

    def test_nothing_found_says_so(self):
        response = self.search("en", "xylophonequartet")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "0 results for “xylophonequartet”")
        self.assertContains(response, "Nothing was found.")

    def test_every_landmark_of_the_search_page_has_its_own_name_in_each_language(self):
        """axe's landmark-unique: the header's search and the page's own search differ."""
        for language in ("az", "en", "ru"):
            for params in ({}, {"q": "Ombudsman"}):
                with self.subTest(language=language, params=params):
                    html = self.search(language, **params).content.decode()
                    names = []
                    for tag, attributes in re.findall(r"<(nav|form)\b([^>]*)>", html):
                        role = re.search(r'role="(\w+)"', attributes)
                        label = re.search(r'aria-label="([^"]+)"', attributes)
                        if tag == "nav" or role:
                            kind = "nav" if tag == "nav" else role.group(1)
                            names.append((kind, label.group(1) if label else None))
                    searches = [name for kind, name in names if kind == "search"]
                    self.assertEqual(len(searches), 2)
                    self.assertEqual(len(names), len(set(names)), names)
