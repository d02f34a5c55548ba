"""Prepare a benchmark database and name the URLs to measure; run inside the throw-away database.

    .venv/bin/python -m bench.prepare --articles 100 --output urls.json

Tops the az news index up to `--articles` articles (bulk-written, see bench.scale) and writes
two URL sets as JSON: one URL per page type (English, the demo's own pages) and the scale set
(az news index first and last page, an article, the sitemap and its last part). The articles
added are the newest of the site (dated up to today, `ARTICLES_PER_DAY` a day, the last added
newest), so the news index's first page shows different articles at each size. The search
index is not touched: run `manage.py update_index` after (bench/run.py does).
"""

import argparse
import datetime
import json
import math
import os
import sys

ARTICLES_PER_DAY = 20


def page_type_urls():
    """One live English page per page type, plus the search results and the news feed."""
    from wagtail.models import Page

    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        if page.locale.language_code != "en":
            continue
        name = type(page)._meta.model_name
        urls.setdefault(name, page.url)
    from news.models import NewsIndexPage, NewsPage

    index_page = NewsIndexPage.objects.live().filter(locale__language_code="en").first()
    if index_page:
        urls["newsindexpage"] = index_page.url
        urls["feed"] = index_page.url + "rss/"
    seed = NewsPage.objects.live().filter(locale__language_code="en", slug__contains="ennhri")
    if seed.exists():
        urls["newspage"] = seed.first().url
    urls["search"] = "/en/search/?q=report"
    urls["sitemap"] = "/sitemap.xml"
    return urls


def sitemap_parts():
    """How many parts sitemap.xml has (1 while the site is small)."""
    from wagtail.models import Site

    from core.sitemap import part_count

    return part_count(Site.objects.get(is_default_site=True))


def scale_urls(index_page):
    from news.models import NewsPage
    from news.models.listing import ARTICLES_PER_PAGE

    count = NewsPage.objects.live().child_of(index_page).count()
    last_page = max(1, math.ceil(count / ARTICLES_PER_PAGE))
    # The newest article: at each size a different one, as the first page.
    article = NewsPage.objects.live().child_of(index_page).order_by("path").last()
    return {
        "articles": count,
        "urls": {
            "news index, page 1": index_page.url,
            "news index, last page": f"{index_page.url}?page={last_page}",
            "article": article.url,
            "sitemap": "/sitemap.xml",
            "sitemap, last part": f"/sitemap.xml?page={sitemap_parts()}",
        },
    }


def top_up(index_page, wanted):
    from django.utils import timezone

    from bench.scale import bulk_create_articles
    from news.models import NewsPage

    existing = NewsPage.objects.child_of(index_page).count()
    if wanted <= existing:
        return
    start, last = 100000 + existing, 100000 + wanted - 1
    today = timezone.localdate()

    def recent_date(number):
        return today - datetime.timedelta(days=(last - number) // ARTICLES_PER_DAY)

    bulk_create_articles(index_page, wanted - existing, start=start, date_of=recent_date)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--output", required=True)
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from bench.content import build_minimal_site, ensure_news_index
    from home.models import HomePage

    if not HomePage.objects.exists():
        build_minimal_site()
    index_page = ensure_news_index("az")
    top_up(index_page, arguments.articles)
    with open(arguments.output, "w") as output:
        json.dump({"page_types": page_type_urls(), "scale": scale_urls(index_page)}, output)


if __name__ == "__main__":
    main(sys.argv[1:])
