"""Render timings in-process with Django's test client: median, p95 and SQL queries per URL.

    DATABASE_URL=... .venv/bin/python -m bench.render --urls urls.json --output render.json

Three figures per URL, each after a first visit has made the image renditions:
- "render": the page built with the full-page cache off, the site furniture (menus, breadcrumbs,
  snippets, locales; pagecache/memo.py) already known, as on any page-cache miss between two
  publishes: a first visit of a URL, an expired page, a search. The issue's targets apply here.
- "cold": the first render after a publish, which starts a new generation: nothing cached at all.
- "warm": a visit answered from the full-page cache.
Run against a prepared database.
"""

import argparse
import json
import os
import statistics
import sys
import time


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def timed_visits(client, url, runs, before_each=None):
    durations = []
    for _ in range(runs):
        if before_each:
            before_each()
        started = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return durations


def query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def summary(durations):
    return {
        "median_ms": round(statistics.median(durations), 2),
        "p95_ms": round(percentile(durations, 0.95), 2),
        "runs": len(durations),
    }


def measure(client, url, cold_runs, warm_runs):
    from django.conf import settings

    from pagecache.keys import bump_generation

    client.get(url)  # first visit: renditions, template loading, connection
    settings.PAGE_CACHE_ENABLED = False
    client.get(url)  # the site furniture of this generation
    render_queries = query_count(client, url)
    render = timed_visits(client, url, warm_runs)
    settings.PAGE_CACHE_ENABLED = True
    bump_generation()
    cold_queries = query_count(client, url)
    cold = timed_visits(client, url, cold_runs, before_each=bump_generation)
    client.get(url)  # stored
    warm_queries = query_count(client, url)
    warm = timed_visits(client, url, warm_runs)
    return {
        "url": url,
        "render": {**summary(render), "queries": render_queries},
        "cold": {**summary(cold), "queries": cold_queries},
        "warm": {**summary(warm), "queries": warm_queries},
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", required=True, help="JSON object: page type -> URL.")
    parser.add_argument("--output", required=True)
    parser.add_argument("--cold-runs", type=int, default=30)
    parser.add_argument("--warm-runs", type=int, default=100)
    arguments = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.PAGE_CACHE_ENABLED = True
    urls = json.loads(open(arguments.urls).read())  # noqa: SIM115
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0")
    results = {
        page_type: measure(client, url, arguments.cold_runs, arguments.warm_runs)
        for page_type, url in urls.items()
    }
    with open(arguments.output, "w") as output:
        json.dump(results, output, indent=2)


if __name__ == "__main__":
    main(sys.argv[1:])
