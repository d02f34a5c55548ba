"""Render timings in-process (Django test client): ours cold, ours warm and stock, per URL.

    DATABASE_URL=... .venv/bin/python -m bench.render --urls urls.json --output render.json

Per URL, after a first visit has made the image renditions, in alternating rounds:
- "cold": ours, the first render of a new content generation in a process that holds nothing
  of it: the memo (pagecache/memo.py) and the page cache are empty, nothing was rewarmed;
- "published": ours, the first render after a publish committed by another process, which
  rewarmed the memo it held (pagecache/memo.py) into the shared cache: this process's own memory
  is empty and finds the answers there (Redis); with the database cache nothing is shared, so
  this is a cold render;
- "miss": ours, a page-cache miss with the memo warm (a first visit of a URL between publishes,
  a search, a new filter), the page cache switched off for the visit;
- "hit": ours, the visit answered from the page cache (`cache_status` says if it was);
- "stock": the same URL with SITE_OPTIMISATIONS off (config/settings/stock.py): stock Wagtail
  serving the same content, nothing memoised, no page cache.
Each figure has its median, p95, SQL statements and write statements (INSERT, UPDATE, DELETE:
e.g. the database cache storing a rendition) of one visit, plus the HTML's bytes raw and gzipped
(level 6). The stack (database + cache) is the settings module's: see bench/stack.py.
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time

WRITES = ("INSERT", "UPDATE", "DELETE")
READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def checked_get(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response


def timed_visits(client, url, runs, before_each=None):
    durations = []
    for _ in range(runs):
        if before_each:
            before_each()
        started = time.perf_counter()
        checked_get(client, url)
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def counted_visit(client, url):
    """One visit's SQL statements, write statements and page-cache status."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pagecache.middleware import CACHE_STATUS_HEADER

    with CaptureQueriesContext(connection) as captured:
        response = checked_get(client, url)
    statements = [query["sql"].lstrip().upper() for query in captured.captured_queries]
    return {
        "queries": len(statements),
        "writes": sum(statement.startswith(WRITES) for statement in statements),
        "cache_status": response.get(CACHE_STATUS_HEADER, "none"),
    }


def summary(durations, counts):
    return {
        "median_ms": round(statistics.median(durations), 2),
        "p95_ms": round(percentile(durations, 0.95), 2),
        "runs": len(durations),
        **counts,
    }


class Modes:
    """How each figure's visits are made: ours with the page cache on or off, and stock."""

    def __init__(self):
        from django.conf import settings
        from django.test import Client

        from config.settings.stock import stock_wagtail_settings

        self.ours = Client(HTTP_USER_AGENT=READER)
        # A client of its own: its middleware chain is built on its first visit, in stock mode.
        self.stock_client = Client(HTTP_USER_AGENT=READER)
        self.stock_settings = stock_wagtail_settings(settings.MIDDLEWARE, settings.CACHES)

    def page_cache_off(self):
        from django.test import override_settings

        return override_settings(PAGE_CACHE_ENABLED=False)

    def stock(self):
        from django.test import override_settings

        return override_settings(**self.stock_settings)


def new_generation():
    from pagecache.keys import bump_generation

    bump_generation(visibility=False)  # as a publish of content does


def published_elsewhere():
    """What a publish in another process leaves for this one: a new generation, the answers
    the publisher held computed again (its rewarm, here with this process's recipes and no time
    bound) into the shared cache, and nothing in this process's own memory."""
    from pagecache.keys import bump_generation
    from pagecache.memo import local_answers, rewarm

    recipes = local_answers.clear()
    bump_generation(visibility=False)
    rewarm(recipes, seconds=60)
    local_answers.clear()


def measure(modes, url, runs, cold_runs, rounds):
    """Every figure of one URL, the modes taking turns in each round."""
    first = checked_get(modes.ours, url)  # renditions, template loading, connection
    with modes.stock():
        checked_get(modes.stock_client, url)
    samples = {"cold": [], "published": [], "miss": [], "hit": [], "stock": []}
    for _ in range(rounds):
        samples["cold"] += timed_visits(modes.ours, url, cold_runs, before_each=new_generation)
        with modes.page_cache_off():
            checked_get(modes.ours, url)  # this generation's memo
            samples["published"] += timed_visits(
                modes.ours, url, cold_runs, before_each=published_elsewhere
            )
            samples["miss"] += timed_visits(modes.ours, url, runs)
        checked_get(modes.ours, url)  # stored
        samples["hit"] += timed_visits(modes.ours, url, runs)
        with modes.stock():
            samples["stock"] += timed_visits(modes.stock_client, url, runs)
    new_generation()
    counts = {"cold": counted_visit(modes.ours, url)}
    with modes.page_cache_off():
        published_elsewhere()
        counts["published"] = counted_visit(modes.ours, url)
        counts["miss"] = counted_visit(modes.ours, url)
    checked_get(modes.ours, url)
    counts["hit"] = counted_visit(modes.ours, url)
    with modes.stock():
        counts["stock"] = counted_visit(modes.stock_client, url)
    return {
        "url": url,
        "html_bytes": len(first.content),
        "html_gzip_bytes": len(gzip.compress(first.content, compresslevel=6)),
        **{name: summary(samples[name], counts[name]) for name in samples},
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", required=True, help="JSON object: page type -> URL.")
    parser.add_argument("--output", required=True)
    parser.add_argument("--runs", type=int, default=30, help="visits per figure and round")
    parser.add_argument("--cold-runs", type=int, default=10, help="cold visits per round")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings

    from bench.stack import label_from_settings

    settings.PAGE_CACHE_ENABLED = True
    with open(arguments.urls) as urls_file:
        urls = json.load(urls_file)
    modes = Modes()
    started_load = os.getloadavg()[0]
    pages = {
        name: measure(modes, url, arguments.runs, arguments.cold_runs, arguments.rounds)
        for name, url in urls.items()
    }
    result = {
        "stack": label_from_settings(settings),
        "load_average": [round(started_load, 2), round(os.getloadavg()[0], 2)],
        "pages": pages,
    }
    with open(arguments.output, "w") as output:
        json.dump(result, output, indent=2)


if __name__ == "__main__":
    main(sys.argv[1:])
