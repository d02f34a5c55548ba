"""Throughput while an editor publishes: each one-second bucket against the steady state before.

A publish starts a new content generation, so every cached page misses at once (issue: 1–17
req/s for about 4 s). wrk loads the cached pages twice for the same time and connections: first
steady, then while a separate process publishes an English article every `interval` seconds
(wrk counts the answers of each second of its clock). The figure is the lowest full second of
the publishing run relative to the steady run's median second, and how many full seconds fell
below half of it (the issue's target: never below half for more than a second).
"""

import statistics
import subprocess
import sys
from pathlib import Path

from bench.load import run_wrk

BASE_DIR = Path(__file__).resolve().parent.parent
MAX_PUBLISHES = 100

# Run with the server's settings and database: visit the loaded pages once (an editor publishes
# through a worker of the site, which has served pages and holds their memo: after each commit
# it rewarms that memo into the shared cache, pagecache/memo.py), say READY, wait for a line on
# stdin (the load has started), then publish every interval for the given seconds.
PUBLISH_SCRIPT = """
import sys, time
from django.test import Client
from news.models import NewsPage
visitor = Client(HTTP_USER_AGENT="Mozilla/5.0 (bench publisher)")
for path in {paths!r}:
    visitor.get(path)
page = NewsPage.objects.live().filter(locale__language_code="en").order_by("path").first()
title = page.title
print("READY", flush=True)
sys.stdin.readline()
end_at = time.monotonic() + {seconds}
count = 0
while count < {max_publishes} and time.monotonic() < end_at:
    page.title = f"{{title}} ({{count}})"
    page.save_revision().publish()
    count += 1
    time.sleep({interval})
page.title = title
page.save_revision().publish()
print(f"PUBLISHED {{count}}")
"""


def full_seconds(result):
    """Answers (2xx/3xx) of each second wrk saw, without the partial first and last."""
    seconds = [answered for answered, _failed in result.get("per_second", [])]
    return seconds[1:-1]


def start_publisher(env, seconds, interval, paths=()):
    """The publishing process, once it has loaded Django and is waiting for the go."""
    script = PUBLISH_SCRIPT.format(
        seconds=seconds, interval=interval, max_publishes=MAX_PUBLISHES, paths=list(paths)
    )
    process = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        env=env,
        cwd=BASE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    for line in process.stdout:  # ends when the process does: a failure cannot hang here
        lines.append(line)
        if line.strip() == "READY":
            return process, lines
    process.wait()
    return process, lines


def publish_under_load(env, base_url, paths, seconds, connections, interval=2.0):
    """The steady run, the publishing run and their comparison."""
    steady = run_wrk(base_url, seconds, connections, paths=paths, buckets=True)
    process, lines = start_publisher(env, seconds, interval, paths)
    try:
        if process.poll() is None:
            process.stdin.write("go\n")
            process.stdin.flush()
        loaded = run_wrk(base_url, seconds, connections, paths=paths, buckets=True)
        output, _ = process.communicate(timeout=seconds + 120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = "".join(lines) + (output or "")
    published = [line for line in output.splitlines() if line.startswith("PUBLISHED ")]
    steady_seconds, loaded_seconds = full_seconds(steady), full_seconds(loaded)
    result = {
        "interval_s": interval,
        "connections": connections,
        "seconds": seconds,
        "paths": list(paths),
        "steady": steady,
        "publishing": loaded,
        "publishes": int(published[0].split()[1]) if published else None,
    }
    if not published:
        result["error"] = "the publishing process failed: " + output[-400:]
    if steady_seconds and loaded_seconds:
        median = statistics.median(steady_seconds)
        result["steady_median_per_second"] = median
        result["lowest_second"] = min(loaded_seconds)
        result["lowest_relative"] = round(min(loaded_seconds) / median, 2) if median else None
        result["seconds_below_half"] = sum(count < median / 2 for count in loaded_seconds)
    return result
