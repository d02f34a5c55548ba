"""`make loadtest`: throughput and non-2xx answers under faults, on loopback only.

    .venv/bin/python -m bench.loadtest [--seconds 10] [--connections 8] [--nginx]

Serves the demo site with gunicorn (2 sync workers, production settings) and a redis-server of
its own on a spare port, on SQLite, or, when DATABASE_URL names PostgreSQL, on a throw-away
PostgreSQL cluster of its own (the server in DATABASE_URL is never touched, because one phase
stops the database). With --nginx the load goes through the shipped nginx front. Phases, each
`--seconds` long, loading a mix of cached pages and uncached searches:

- steady state;
- Redis down: the redis-server is stopped a quarter into one run ("stops mid-run"), a second
  run has it down throughout ("down"), then it is started again and the site must recover;
- PostgreSQL down: the same with the cluster (SQLite: skipped, there is no server to stop);
- publishing under load: an article is published again and again while the load runs.

Prints a table and writes JSON to bench-results/loadtest.json. Every loop is bounded in count
and time; every process it starts is stopped at the end, whatever happens.
"""

import argparse
import contextlib
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.fault_services import RedisServer, ThrowawayPostgres
from bench.load import READER_AGENT, parse_wrk
from deploy.local_front import Gunicorn, Nginx, prepare_site, production_environment, stop_process

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench-results"
CACHED_PATHS = ("/en/", "/az/", "/ru/", "/en/news/")
SEARCH_PATH = "/en/search/?q=rights+"
MAX_PUBLISHES = 200

# Round-robin over the cached pages, every fifth request an uncached search of its own.
WRK_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
    counter = counter + 1
    if counter %% 5 == 0 then
        return wrk.format("GET", "%s" .. counter .. "-" .. math.random(1000000))
    end
    return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""

# Run inside the site's database: publish one English article again and again.
PUBLISH_SCRIPT = """
import time
from news.models import NewsPage
page = NewsPage.objects.live().filter(locale__language_code="en").order_by("path").first()
title = page.title
deadline = time.monotonic() + {seconds}
count = 0
while count < {max_publishes} and time.monotonic() < deadline:
    page.title = f"{{title}} ({{count}})"
    page.save_revision().publish()
    count += 1
    time.sleep(0.5)
page.title = title
page.save_revision().publish()
print(f"PUBLISHED {{count}}")
"""


def log(message):
    print(f"[loadtest] {message}", file=sys.stderr, flush=True)


def run_load(base_url, seconds, connections, folder):
    """wrk over the page mix for `seconds`; the Python fallback when wrk is not installed."""
    if shutil.which("wrk"):
        script = folder / "mix.lua"
        script.write_text(
            WRK_SCRIPT % (", ".join(f'"{path}"' for path in CACHED_PATHS), SEARCH_PATH)
        )
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
        command += ["--timeout", "5s", "-H", f"User-Agent: {READER_AGENT}"]
        command += ["-s", str(script), base_url]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
        return parse_wrk(completed.stdout)
    return python_load(base_url, seconds, connections)


def python_load(base_url, seconds, connections, max_requests=50_000):
    """A bounded fallback: `connections` threads until the time or the count is up."""
    counts = {"ok": 0, "non_2xx": 0, "errors": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(offset):
        number = offset
        while time.monotonic() < deadline and sum(counts.values()) < max_requests:
            number += 1
            path = CACHED_PATHS[number % len(CACHED_PATHS)]
            if number % 5 == 0:
                path = f"{SEARCH_PATH}{offset}-{number}"
            request = urllib.request.Request(base_url + path, headers={"User-Agent": READER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    response.read()
                outcome = "ok"
            except urllib.error.HTTPError:
                outcome = "non_2xx"
            except OSError:
                outcome = "errors"
            with lock:
                counts[outcome] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n * 1000,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    total = sum(counts.values())
    return {
        "tool": "python (wrk not installed)",
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "non_2xx": counts["non_2xx"],
        "socket_errors": f"{counts['errors']} failed connections" if counts["errors"] else "",
    }


def after(delay, action):
    timer = threading.Timer(delay, action)
    timer.start()
    return timer


def recovers(base_url, seconds=30):
    """Whether the home page and a fresh search answer 200 again within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            for path in ("/en/", f"{SEARCH_PATH}recovery-{time.monotonic_ns()}"):
                urllib.request.urlopen(base_url + path, timeout=5).read()
            return True
        except OSError:
            time.sleep(0.5)
    return False


def publish_while_loading(env, base_url, seconds, connections, folder):
    script = PUBLISH_SCRIPT.format(seconds=seconds, max_publishes=MAX_PUBLISHES)
    publisher = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", script],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        result = run_load(base_url, seconds, connections, folder)
        output, _ = publisher.communicate(timeout=seconds + 120)
    finally:
        stop_process(publisher)
    published = [line for line in output.splitlines() if line.startswith("PUBLISHED ")]
    result["publishes"] = int(published[0].split()[1]) if published else None
    if not published:
        result["note"] = "the publishing script failed: " + output[-300:]
    return result


def warm(base_url):
    """Every phase starts with the cached pages in the cache (a restarted Redis is empty)."""
    for path in CACHED_PATHS:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base_url + path, timeout=30).read()


def fault_phases(name, service, base_url, seconds, connections, folder):
    """The service stops a quarter into one run; a second run has it down throughout; then it
    is started again and the site must answer within 30 s."""
    warm(base_url)
    log(f"{name} stops mid-run")
    timer = after(seconds / 4, service.stop)
    try:
        transition = run_load(base_url, seconds, connections, folder)
        timer.join()
        log(f"{name} down")
        down = run_load(base_url, seconds, connections, folder)
    finally:
        timer.cancel()
        timer.join()
        service.stop()
        service.start()
    down["recovered"] = recovers(base_url)
    return {f"{name} stops mid-run": transition, f"{name} down": down}


def run_phases(args, env, base_url, redis, postgres, folder):
    seconds, connections = args.seconds, args.connections
    warm(base_url)
    log("steady state")
    results = {"steady state": run_load(base_url, seconds, connections, folder)}
    results.update(fault_phases("Redis", redis, base_url, seconds, connections, folder))
    if postgres is None:
        results["PostgreSQL down"] = {"skipped": "SQLite: there is no database server to stop"}
    else:
        results.update(fault_phases("PostgreSQL", postgres, base_url, seconds, connections, folder))
    warm(base_url)
    log("publishing under load")
    results["publishing under load"] = publish_while_loading(
        env, base_url, seconds, connections, folder
    )
    return results


def print_results(results, meta):
    print(
        f"\nLoad test: {meta['database']}, {meta['front']}, {meta['connections']} connections, "
        f"{meta['seconds']} s per phase ({meta['tool']})"
    )
    header = ("phase", "req/s", "requests", "non-2xx", "socket errors", "recovered", "notes")
    rows = [header]
    for phase, result in results.items():
        if "skipped" in result:
            rows.append((phase, "-", "-", "-", "-", "-", "skipped: " + result["skipped"]))
            continue
        notes = f"{result['publishes']} publishes" if "publishes" in result else ""
        recovered = result.get("recovered")
        rows.append(
            (
                phase,
                str(result.get("requests_per_second", "?")),
                str(result.get("requests", "?")),
                str(result.get("non_2xx", "?")),
                result.get("socket_errors") or "0",
                "-" if recovered is None else ("yes" if recovered else "NO"),
                notes + result.get("note", ""),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each phase")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--nginx", action="store_true", help="load through the shipped nginx")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "loadtest.json")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 300 or not 1 <= args.connections <= 64:
        parser.error("--seconds must be 1–300 and --connections 1–64")
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is not installed: apt-get install -y redis-server")

    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ombudsman-load-")))
        postgres = None
        if on_postgres:
            log("creating a throw-away PostgreSQL cluster")
            postgres = ThrowawayPostgres().create()
            stack.callback(postgres.destroy)
        redis = RedisServer(folder)
        redis.start()
        stack.callback(redis.stop)
        database_url = postgres.url if postgres else f"sqlite:///{folder / 'load.sqlite3'}"
        env = production_environment(folder, database_url, REDIS_URL=redis.url, LOG_LEVEL="WARNING")
        log("migrating and loading the demo content (a minute or two)")
        with open(folder / "prepare.log", "wb") as prepare_log:
            prepare_site(env, log=prepare_log)
        gunicorn = stack.enter_context(Gunicorn(env, folder / "gunicorn.log", workers=2))
        base_url = gunicorn.url
        if args.nginx:
            base_url = stack.enter_context(Nginx(folder / "nginx", gunicorn.port, folder)).url
        results = run_phases(args, env, base_url, redis, postgres, folder)

    meta = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": "PostgreSQL (throw-away cluster)" if on_postgres else "SQLite",
        "front": "nginx + gunicorn" if args.nginx else "gunicorn",
        "workers": 2,
        "seconds": args.seconds,
        "connections": args.connections,
        "tool": "wrk" if shutil.which("wrk") else "python",
        "cpu_count": os.cpu_count(),
    }
    print_results(results, meta)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"meta": meta, "phases": results}, indent=2) + "\n")
    print(f"\nJSON: {args.output}")


if __name__ == "__main__":
    main()
