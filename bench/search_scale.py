"""Search at scale: the results page timed over N generated articles in az, en and ru.

    .venv/bin/python -m bench.search_scale --articles 10000 [--database sqlite|postgresql]
                                            [--rounds 5] [--json]

In a throw-away database made for this run alone (a temporary SQLite file, or a PostgreSQL
database with a unique name beside DATABASE_URL's, dropped at the end), it writes N live articles
shared between the three languages and dated over the past year (bulk rows, as bench.scale does),
rebuilds the search index with `update_index`, then requests each query of QUERIES through the
real view (Django's test client: routing, middleware, template; page cache off, so every request
searches), once to warm up and then `--rounds` times, and prints the median and maximum
milliseconds of each query with the hits the page shows. `--json` prints the same as JSON.
"""

import argparse
import contextlib
import datetime
import io
import json
import os
import statistics
import sys
import tempfile
import time

from config.throwaway_database import ThrowawayDatabase

# (what the query stands for, language searched, the query as a visitor types it)
QUERIES = [
    ("word in every article of every language", "en", "ombudsman"),
    ("word in every English article", "en", "commissioner"),
    ("word in one English title in five", "en", "report"),
    ("rare word (one article in a thousand)", "en", "nakhchivan"),
    ("two words (a third of English articles)", "en", "prison detainees"),
    ("phrase in quotes", "en", '"human rights"'),
    ("word with no hits", "en", "xylophonequartet"),
    ("Cyrillic words", "ru", "журнал жалоб"),
    ("Azerbaijani letters", "az", "şikayətlər jurnalını"),
]
LANGUAGES = ["az", "en", "ru"]
TITLES = {
    "az": ["Monitorinq səfəri", "Maarifləndirmə", "Hesabat", "Məsləhətləşmə", "Qaynar xətt"],
    "en": ["Monitoring visit", "Human rights education", "Report", "Consultation", "Hotline"],
    "ru": ["Мониторинговый визит", "Просвещение", "Доклад", "Консультация", "Горячая линия"],
}
PARAGRAPHS = {
    "az": "İnsan hüquqları üzrə müvəkkil (Ombudsman) {place} baş çəkdi, məhbuslar və əməkdaşlarla "
    "təkbətək görüşdü, şikayətlər jurnalını nəzərdən keçirdi. Tövsiyələr otuz gün ərzində "
    "veriləcək.",
    "en": "The Commissioner for Human Rights (Ombudsman) visited {place}, met detainees and staff "
    "in private and reviewed the complaints register. Recommendations follow within thirty days.",
    "ru": "Уполномоченный по правам человека (Ombudsman) посетил {place}, наедине встретился с "
    "заключёнными и персоналом и изучил журнал жалоб. Рекомендации последуют в течение "
    "тридцати дней.",
}
PLACES = {
    "az": ["həbsxanaya", "uşaq evinə", "psixiatriya xəstəxanasına"],
    "en": ["the prison", "a children's home", "a psychiatric hospital"],
    "ru": ["тюрьму", "детский дом", "психиатрическую больницу"],
}
RARE_SENTENCES = {
    "az": "Səfər Naxçıvanda keçirildi.",
    "en": "The visit took place in Nakhchivan.",
    "ru": "Визит прошёл в Нахчыване.",
}
BATCH_SIZE = 1000


def log(message):
    print(f"[search_scale] {message}", file=sys.stderr, flush=True)


def article_text(language, number, count, today):
    """Title, slug, date, summary and body of generated article `number` of `count`."""
    # Articles of one language are every third number: vary the text by their own sequence.
    sequence = number // len(LANGUAGES)
    paragraph = PARAGRAPHS[language].format(place=PLACES[language][sequence % 3])
    if sequence % 1000 == 7:
        paragraph = f"{paragraph} {RARE_SENTENCES[language]}"
    return {
        "title": f"{TITLES[language][sequence % 5]} {number}",
        "slug": f"search-article-{number}",
        # Spread over the past year, newest first, however many there are.
        "date": today - datetime.timedelta(days=number * 365 // max(count, 1)),
        "summary": paragraph,
        "body": [("paragraph", f"<p>{paragraph}</p>")],
    }


def page_rows(index_page, texts, first_step):
    """Unsaved `Page` rows for `texts`, placed from child number `first_step` of `index_page`."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from bench.scale import child_page_row
    from news.models import NewsPage

    now = timezone.now()
    content_type = ContentType.objects.get_for_model(NewsPage)
    return [
        child_page_row(
            index_page, first_step + offset, text["title"], text["slug"], content_type, now
        )
        for offset, text in enumerate(texts)
    ]


def write_articles(index_page, numbers, count, today):
    """Live articles `numbers` under the (empty) `index_page`, as rows: no revisions, which no
    public page reads."""
    from django.db import transaction
    from django.db.models import F
    from wagtail.models import Page

    from bench.content import batched
    from news.models import NewsPage

    language = index_page.locale.language_code
    next_step = 1
    for batch in batched(numbers, BATCH_SIZE):
        texts = [article_text(language, number, count, today) for number in batch]
        with transaction.atomic():
            pages = Page.objects.bulk_create(page_rows(index_page, texts, next_step))
            articles = [
                NewsPage(
                    page_ptr_id=page.pk,
                    publication_date=text["date"],
                    summary=text["summary"],
                    body=text["body"],
                )
                for page, text in zip(pages, texts, strict=True)
            ]
            # Multi-table inheritance: the page rows exist, so only the article table is written.
            NewsPage._base_manager._insert(articles, fields=NewsPage._meta.local_concrete_fields)
            Page.objects.filter(pk=index_page.pk).update(numchild=F("numchild") + len(pages))
        next_step += len(texts)


def generate(count):
    """The home pages, a news index per language and `count` articles shared between them."""
    from bench.content import build_minimal_site, ensure_news_index

    build_minimal_site()
    today = datetime.date.today()
    for position, language in enumerate(LANGUAGES):
        numbers = range(position, count, len(LANGUAGES))
        if numbers:
            write_articles(ensure_news_index(language), numbers, count, today)


def rebuild_index():
    """`update_index`, then, on PostgreSQL, ANALYZE: the planner's statistics of tables filled
    in bulk a moment ago, which autovacuum would gather within a minute or so (without them a
    common word took over a second at 10,000 articles: a plan for an empty table)."""
    from django.core.management import call_command
    from django.db import connection

    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def hits_shown(language, query):
    """(hits the page lists in all, whether it says "more than"), asked of the view's code."""
    from django.utils import translation
    from wagtail.models import Locale

    from search import views

    with translation.override(language):
        keys = views.ranked_page_keys(query, Locale.objects.get(language_code=language))
    return min(len(keys), views.RESULTS_LIMIT), len(keys) > views.RESULTS_LIMIT


def time_queries(rounds):
    """Per query: median and maximum milliseconds over `rounds` requests, and the hits shown."""
    from django.test import Client

    client = Client()
    for language in LANGUAGES:  # the first request of a language fills its menus and memos
        client.get(f"/{language}/search/", {"q": "warm"})
    timings = {query: [] for query in QUERIES}
    for _round in range(rounds):
        for query in QUERIES:
            _label, language, words = query
            started = time.perf_counter()
            response = client.get(f"/{language}/search/", {"q": words})
            timings[query].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{words!r} answered {response.status_code}")
    results = []
    for (label, language, words), milliseconds in timings.items():
        shown, more = hits_shown(language, words)
        results.append(
            {
                "query": words,
                "language": language,
                "stands_for": label,
                "p50_ms": round(statistics.median(milliseconds), 1),
                "max_ms": round(max(milliseconds), 1),
                "hits_shown": shown,
                "more_than_shown": more,
            }
        )
    return results


@contextlib.contextmanager
def throwaway_database(kind, tmp_dir):
    """The URL of a new, empty database with a name of its own; dropped when the block ends."""
    configured = os.environ.get("DATABASE_URL", "") if kind == "postgresql" else ""
    if kind == "postgresql" and not configured.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "--database postgresql needs DATABASE_URL=postgres://user:password@host:port/name "
            "naming a server where that user may create databases."
        )
    database = ThrowawayDatabase("scale", tmp_dir, configured_url=configured)
    try:
        yield database.create()
    finally:
        from django.db import connections

        connections.close_all()
        database.drop()


def measure(arguments, database_url, tmp_dir):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
            "VAR_DIR": str(tmp_dir),
            "PAGE_CACHE_ENABLED": "false",
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.content import quiet_publishing

    log(f"migrating a new {connection.vendor} database")
    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    with quiet_publishing():
        generate(arguments.articles)
    generation_seconds = time.perf_counter() - started
    log(f"{arguments.articles} articles written in {generation_seconds:.1f} s")
    started = time.perf_counter()
    rebuild_index()
    index_seconds = time.perf_counter() - started
    log(f"search index rebuilt in {index_seconds:.1f} s")
    load_before = os.getloadavg()
    queries = time_queries(arguments.rounds)
    return {
        "database": connection.vendor,
        "database_version": database_version(connection),
        "articles": arguments.articles,
        "generation_seconds": round(generation_seconds, 1),
        "index_seconds": round(index_seconds, 1),
        "rounds": arguments.rounds,
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in os.getloadavg()],
        "queries": queries,
    }


def database_version(connection):
    if connection.vendor == "postgresql":
        return f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
    return connection.Database.sqlite_version


def print_table(results):
    print(
        f"Search over {results['articles']} articles (az/en/ru) on {results['database']} "
        f"{results['database_version']}: generated in {results['generation_seconds']} s, "
        f"indexed in {results['index_seconds']} s; {results['rounds']} rounds; load average "
        f"{results['load_average_before']} before, {results['load_average_after']} after"
    )
    print(f"{'query':<24} {'lang':<4} {'p50 ms':>8} {'max ms':>8} {'hits shown':>11}  stands for")
    for row in results["queries"]:
        shown = f"{'>' if row['more_than_shown'] else ''}{row['hits_shown']}"
        print(
            f"{row['query']:<24} {row['language']:<4} {row['p50_ms']:>8} {row['max_ms']:>8} "
            f"{shown:>11}  {row['stands_for']}"
        )


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    configured = os.environ.get("DATABASE_URL", "")
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgresql"],
        default="postgresql"
        if configured.startswith(("postgres://", "postgresql://"))
        else "sqlite",
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    arguments = parser.parse_args(argv)
    if arguments.articles < 0 or arguments.rounds < 1:
        parser.error("--articles must be 0 or more and --rounds at least 1")
    with (
        tempfile.TemporaryDirectory(prefix="search-scale-") as tmp_dir,
        throwaway_database(arguments.database, tmp_dir) as database_url,
    ):
        results = measure(arguments, database_url, tmp_dir)
        # Printed before the database is dropped: a drop that fails loses no figure.
        if arguments.json:
            print(json.dumps(results, indent=2, ensure_ascii=False), flush=True)
        else:
            print_table(results)
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
