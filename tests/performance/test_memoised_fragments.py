"""The news index's cards and a standard page's section navigation are memoised like the other
furniture: a render the page cache does not answer reads neither again, and every change an
editor makes shows on the next render."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.content import home_page
from institution.models import StandardPage
from news.models import NewsCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(settings, page_cache):
    """Every visit rendered (the page cache off), the memo working as in production."""
    settings.PAGE_CACHE_ENABLED = False


def card_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return re.findall(r'<h3 class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


def article_reads(client, url):
    """The statements of a visit that read whole articles (a card's summary among the columns)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries if '"summary"' in query["sql"]]


def publish_now(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_a_list_page_rendered_again_reads_no_article(client, news_site, renders):
    url = news_site["index"].url
    assert article_reads(client, url), "the first render did not read the articles"
    assert article_reads(client, url) == []
    assert article_reads(client, url + "?page=2")  # another page: other cards
    assert article_reads(client, url + "?page=2") == []


def test_a_published_title_shows_on_the_next_render(
    client, news_site, renders, django_capture_on_commit_callbacks
):
    url = news_site["index"].url
    newest = card_titles(client, url)[0]
    article = next(page for page in news_site["articles"] if page.title == newest)

    article.title = "A corrected title"
    publish_now(article, django_capture_on_commit_callbacks)

    assert card_titles(client, url)[0] == "A corrected title"


def test_an_unpublished_article_leaves_the_list(
    client, news_site, renders, django_capture_on_commit_callbacks
):
    url = news_site["index"].url
    newest = card_titles(client, url)[0]
    article = next(page for page in news_site["articles"] if page.title == newest)

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    titles = card_titles(client, url)
    assert newest not in titles and len(titles) == 10


def test_a_renamed_category_shows_on_the_cards(
    client, news_site, renders, django_capture_on_commit_callbacks
):
    url = news_site["index"].url
    category = NewsCategory.objects.get(pk=news_site["articles"][0].categories.first().pk)
    assert category.name in client.get(url).text

    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Renamed category"
        category.save()

    assert "Renamed category" in client.get(url).text


@pytest.fixture
def section(minimal_site, django_capture_on_commit_callbacks):
    """An az section: a standard page with two children."""
    with django_capture_on_commit_callbacks(execute=True):
        top = home_page("az").add_child(
            instance=StandardPage(title="Haqqımızda", slug="haqqimizda", body=[])
        )
        children = [
            top.add_child(instance=StandardPage(title=title, slug=slug, body=[]))
            for title, slug in (("Mandat", "mandat"), ("Qanunlar", "qanunlar"))
        ]
    return top, children


def subnav_titles(client, url):
    html = client.get(url).text
    nav = html[html.index('<nav class="subnav"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r">([^<>]+)</a>", nav), re.findall(r'href="([^"]+)" aria-current="page"', nav)


def test_section_navigation_marks_the_page_and_follows_changes(
    client, section, renders, django_capture_on_commit_callbacks
):
    top, (mandate, laws) = section

    assert subnav_titles(client, mandate.url) == (
        ["Haqqımızda", "Mandat", "Qanunlar"],
        [mandate.url],
    )
    assert subnav_titles(client, laws.url)[1] == [laws.url]  # the same memo, another page marked
    assert subnav_titles(client, top.url)[1] == [top.url]

    laws.title = "Qanunvericilik"
    publish_now(laws, django_capture_on_commit_callbacks)
    assert subnav_titles(client, mandate.url)[0] == ["Haqqımızda", "Mandat", "Qanunvericilik"]
    with django_capture_on_commit_callbacks(execute=True):
        added = top.add_child(instance=StandardPage(title="Tarix", slug="tarix", body=[]))
    with django_capture_on_commit_callbacks(execute=True):
        mandate.unpublish()

    assert subnav_titles(client, added.url) == (
        ["Haqqımızda", "Qanunvericilik", "Tarix"],
        [added.url],
    )


def test_a_section_rendered_again_reads_no_page_but_the_served_one(client, section, renders):
    _top, (mandate, _laws) = section
    client.get(mandate.url)
    with CaptureQueriesContext(connection) as captured:
        client.get(mandate.url)
    page_reads = [q["sql"] for q in captured.captured_queries if "wagtailcore_page" in q["sql"]]
    assert len(page_reads) <= 1, page_reads


def test_cards_name_each_articles_categories_in_order_without_a_query_of_their_own(news_site):
    """Each card lists its categories in name order, in the list's language (a category not
    translated yet under its own name), read with the articles: pictures apart, no query per
    card nor for the categories."""
    from django.utils import translation

    from news.cards import card_articles
    from news.models.listing import categories_of

    index = news_site["index"]
    first, second = news_site["articles"][:2]
    categories = list(NewsCategory.objects.filter(locale=index.locale).order_by("name"))
    first.categories.set(categories[:3])
    first.save()
    second.categories.set([])
    second.save()
    with translation.override("az"):
        categories_of(index.locale_id)  # read once per generation, as the filter shows them
        with CaptureQueriesContext(connection) as captured:
            articles = card_articles((second.pk, first.pk), index.locale)

    assert [article.pk for article in articles] == [second.pk, first.pk]
    assert articles[0].display_categories == []
    assert [each.name for each in articles[1].display_categories] == [
        each.name for each in categories[:3]
    ]
    statements = [query["sql"] for query in captured.captured_queries]
    # The articles (their categories' ids within), their pictures' renditions, and which of
    # their texts are not translated yet.
    assert len(statements) == 3
    assert not any('FROM "news_newscategory"' in sql for sql in statements)
