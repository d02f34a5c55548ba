"""Generated news articles for benchmarks and performance tests: many, fast, realistic enough.

Articles are published the way an editor's would be (a revision, then publish) when `revisions`
is true; the scale run creates them directly as live pages, which is what the database holds
after publishing anyway, minus the revision history that no public page reads.
"""

import contextlib
import datetime
import itertools

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

PARAGRAPH = (
    "The Commissioner's office visited the institution, met residents and staff in private and "
    "reviewed the complaints register. Its recommendations follow within thirty days."
)
TITLE_WORDS = ["Monitoring visit", "Human rights education", "Report", "Consultation", "Hotline"]
CATEGORY_NAMES = ["Monitoring", "Education", "International cooperation"]


def build_minimal_site():
    """Locales, the home pages in az/en/ru and the hotline: the demo's first builders only."""
    from django.contrib.auth import get_user_model

    from core.demo import DemoContext, ensure_locales
    from home.demo import build_home, build_hotline

    user = get_user_model().objects.filter(is_superuser=True).first()
    context = DemoContext(user=user, locales=ensure_locales(), stdout=None)
    with quiet_publishing():
        build_home(context)
        build_hotline(context)
    return context


@contextlib.contextmanager
def quiet_publishing():
    """Publish without queueing an accessibility audit (a browser run) for every page."""
    from accessibility.tasks import suspend_audit_on_publish

    with suspend_audit_on_publish():
        yield


def home_page(language_code="az"):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code=language_code, depth=2)


def ensure_news_index(language_code="az"):
    """The language's news index page, created under its home page if the demo has none."""
    from news.models import NewsIndexPage

    locale = Locale.objects.get(language_code=language_code)
    index_page = NewsIndexPage.objects.filter(locale=locale).first()
    if index_page is None:
        index_page = NewsIndexPage(title="Xəbərlər", slug="xeberler")
        home_page(language_code).add_child(instance=index_page)
        with quiet_publishing():
            index_page.save_revision().publish()
    return index_page


def ensure_categories(locale):
    from news.models import NewsCategory

    return [
        NewsCategory.objects.get_or_create(
            locale=locale,
            slug=name.lower().replace(" ", "-"),
            defaults={"name": name},
        )[0]
        for name in CATEGORY_NAMES
    ]


def lead_image_for(number):
    from core.demo_images import demo_image

    return demo_image(
        f"Benchmark picture {number}",
        ["#1f4e79", "#7a3b00", "#2e5d34"][number % 3],
        [f"Picture {number}"],
        alt_text=f"A coloured panel with the words Picture {number}",
    )


def article_fields(number, first_date):
    date = first_date - datetime.timedelta(days=number)
    return {
        "title": f"{TITLE_WORDS[number % len(TITLE_WORDS)]} {number}",
        "slug": f"generated-article-{number}",
        "publication_date": date,
        "summary": f"Generated article {number}. {PARAGRAPH}",
        "body": [("paragraph", f"<p>{PARAGRAPH}</p>"), ("paragraph", f"<p>{PARAGRAPH}</p>")],
    }


def create_articles(index_page, count, start=0, images=3, revisions=True, first_date=None):
    """Add `count` live articles numbered from `start`, with categories and a few lead images."""
    from news.models import NewsPage

    first_date = first_date or datetime.date(2026, 11, 1)
    categories = ensure_categories(index_page.locale)
    pictures = [lead_image_for(number) for number in range(images)]
    created = []
    for number in range(start, start + count):
        article = NewsPage(**article_fields(number, first_date))
        if pictures:
            article.lead_image = pictures[number % len(pictures)]
            article.lead_image_alt = article.lead_image.description
        if not revisions:
            article.first_published_at = article.last_published_at = timezone.now()
        with transaction.atomic():
            index_page.add_child(instance=article)
            article.categories.set([categories[number % len(categories)]])
            if revisions:
                with quiet_publishing():
                    article.save_revision().publish()
            else:
                article.save()
        created.append(article)
    return created


def batched(numbers, size):
    iterator = iter(numbers)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
