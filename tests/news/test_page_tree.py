"""News page types: where editors can create them, creation through the admin, every language."""

from django.urls import resolve, reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.news.site import build_news_site, category

LANGUAGES = ("az", "en", "ru")


class NewsPageTreeTests(WagtailPageTestCase):
    def assert_routes_to(self, page, route=""):
        """Like assertPageIsRoutable, which cannot route past the /az/ prefix of i18n_patterns."""
        with translation.override(page.locale.language_code):
            match = resolve(page.url + route)
            components = [part for part in match.args[0].split("/") if part]
            routed_page, _args, _kwargs = page.get_site().root_page.localized.specific.route(
                self.dummy_request, components
            )
        self.assertEqual(routed_page.pk, page.pk)

    @classmethod
    def setUpTestData(cls):
        cls.site = build_news_site()

    def setUp(self):
        self.client.force_login(self.site["user"])

    def test_news_index_lives_under_a_home_page_and_holds_only_articles(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_articles_live_only_in_a_news_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, {})

    def test_a_language_tree_has_at_most_one_news_index(self):
        home_with_news = self.site["indexes"]["az"].get_parent()
        self.assertFalse(NewsIndexPage.can_create_at(home_with_news))
        other_home = HomePage(title="Another site", slug="another-site")
        Page.get_first_root_node().add_child(instance=other_home)
        self.assertTrue(NewsIndexPage.can_create_at(other_home))

    def test_editor_can_create_and_publish_a_news_index_through_the_admin(self):
        other_home = HomePage(title="Another site", slug="another-site")
        Page.get_first_root_node().add_child(instance=other_home)
        data = nested_form_data(
            {"title": "Press", "slug": "press", "intro": rich_text("<p>Our press news.</p>")}
        )
        self.assertCanCreate(other_home, NewsIndexPage, data)
        index = NewsIndexPage.objects.get(slug="press")
        self.assertTrue(index.live)
        self.assertEqual(index.locale, other_home.locale)

    def test_editor_can_create_and_publish_an_article_through_the_admin(self):
        index = self.site["indexes"]["az"]
        monitoring = category("monitoring", "az")
        data = nested_form_data(
            {
                "title": "Monitorinq səfəri",
                "slug": "monitorinq-seferi",
                "publication_date": "2024-05-06",
                "summary": "Qısa xülasə.",
                "lead_image_alt": "",
                "lead_image_caption": "",
                "body": streamfield(
                    [
                        ("heading", {"text": "Nəticələr", "level": "h2"}),
                        ("paragraph", rich_text("<p>Monitorinq qrupu baş çəkib.</p>")),
                    ]
                ),
                "tags": "OPCAT",
                "comments": inline_formset([]),
            }
        )
        data["categories"] = [str(monitoring.pk)]
        self.assertCanCreate(index, NewsPage, data)
        article = NewsPage.objects.get(slug="monitorinq-seferi")
        self.assertEqual(list(article.categories.all()), [monitoring])
        self.assertEqual(list(article.tags.names()), ["OPCAT"])
        self.assertPageIsRenderable(article)

    def test_admin_offers_only_the_categories_of_the_articles_language(self):
        index = self.site["indexes"]["az"]
        add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
        response = self.client.get(add_url)
        self.assertEqual(response.status_code, 200)
        offered = set(response.context["form"].fields["categories"].queryset)
        self.assertEqual(offered, set(NewsCategory.objects.filter(locale=index.locale)))
        self.assertContains(response, 'type="checkbox" name="categories"')

    def test_loading_the_demo_news_again_leaves_one_of_everything(self):
        counts = (
            NewsPage.objects.count(),
            NewsCategory.objects.count(),
            NewsIndexPage.objects.count(),
        )
        build_news_site()
        again = (
            NewsPage.objects.count(),
            NewsCategory.objects.count(),
            NewsIndexPage.objects.count(),
        )
        self.assertEqual(again, counts)
        self.assertEqual(counts, (3, 12, 3))

    def test_admin_refuses_a_lead_image_without_alternative_text(self):
        from core.demo_images import demo_image

        image = demo_image("Test picture", "#224466", ["Test"])
        index = self.site["indexes"]["az"]
        data = nested_form_data(
            {
                "title": "Şəkilli xəbər",
                "slug": "sekilli-xeber",
                "publication_date": "2024-05-06",
                "summary": "Xülasə.",
                "lead_image": str(image.pk),
                "lead_image_alt": "",
                "lead_image_caption": "",
                "body": streamfield([]),
                "comments": inline_formset([]),
            }
        )
        # Publishing is refused (accessibility content checks); the draft can be saved.
        with self.assertRaisesMessage(AssertionError, "lead_image_alt"):
            # assertCanCreate adds the publish action to the dict it is given: pass a copy.
            self.assertCanCreate(index, NewsPage, dict(data))
        self.assertFalse(NewsPage.objects.filter(slug="sekilli-xeber").exists())
        self.assertCanCreate(index, NewsPage, data, publish=False)
        draft = NewsPage.objects.get(slug="sekilli-xeber")
        self.assertFalse(draft.live)

    def test_index_article_and_feeds_are_routable_and_renderable_in_each_language(self):
        seed_slug = "ennhri-high-level-consultation-meeting"
        for language in LANGUAGES:
            with self.subTest(language=language):
                index = self.site["indexes"][language]
                article = self.site["articles"][seed_slug][language]
                self.assertEqual(article.locale.language_code, language)
                for page in (index, article):
                    self.assert_routes_to(page)
                    self.assertPageIsRenderable(page)
                for feed in ("rss/", "atom/"):
                    self.assert_routes_to(index, feed)
                    self.assertPageIsRenderable(index, feed)
