"""`make bench`: every performance figure of the site, ours beside stock Wagtail, in one table.

    .venv/bin/python -m bench.run [--scale 10000] [--seconds 5] [--rounds 2] [--connections 16]
        [--skip-load] [--skip-audit] [--redis-port N]

In a throw-away database (SQLite in a temporary folder, or a uniquely named one, dropped at the
end, when DATABASE_URL names PostgreSQL) holding the demo content topped up to 100 articles
(search index rebuilt), one run measures, every figure naming its database and cache and the
load average of its step:

- renders in-process per page type: ours cold (empty memo, as after a publish), ours on a
  page-cache miss (memo warm), ours from the page cache, and stock Wagtail (SITE_OPTIMISATIONS
  off: config/settings/stock.py) for the same URL, in alternating rounds; SQL statements and
  write statements of each; HTML bytes raw and gzipped. Once on this process's memory as cache,
  once on the production default without Redis (the database cache);
- throughput under gunicorn (production settings, 2 workers, worker recycling as configured)
  with wrk: ours with the page cache on, ours with it off, and stock Wagtail, servers taking
  turns round by round; p50/p99, non-2xx answers, socket errors and timeouts; whether HTML is
  sent compressed;
- throughput while an article is published every 2 s (bench/publish_load.py);
- the home page's weight with its assets (bench/page_weight.py) and audit page views per minute
  (bench/audit_speed.py);
- listings at 100 and 10,000 articles (news index first and last page, the newest article,
  the sitemap), the articles added being the newest, the search index rebuilt and timed; search
  through `python -m bench.search_scale` where that module exists. `--scale 100000` adds a
  100,000-article step (opt-in: long); `--scale 0` skips the scale step.

Writes bench-results/bench-<time>.json and bench-results/latest.json; prints the table.
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
import time
import urllib.request
from pathlib import Path

from bench.load import READER_AGENT, Gunicorn, load_test
from bench.publish_load import publish_under_load
from bench.report import print_table
from bench.stack import database_name, label_for_server
from config.throwaway_database import throwaway_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench-results"
STANDARD_SCALES = (10_000, 100_000)
DATABASE_CACHE_PAGE_TYPES = ("homepage", "newsindexpage", "newspage", "standardpage", "search")
BENCH_SECRET_KEY = "benchmark-only-secret-key-not-for-production-use-" + "x" * 20


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def load_average():
    return round(os.getloadavg()[0], 2)


class Steps:
    """How long each step took and the 1-minute load average at its start and end."""

    def __init__(self):
        self.records = {}

    def run(self, name, function, *args, **kwargs):
        log(f"{name} (load average {load_average()})")
        started, load_before = time.monotonic(), load_average()
        result = function(*args, **kwargs)
        self.records[name] = {
            "seconds": round(time.monotonic() - started, 1),
            "load_average": [load_before, load_average()],
        }
        return result


def run(command, env, allow_failure=False, timeout=None):
    completed = subprocess.run(
        command, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=timeout
    )
    if completed.returncode != 0 and not allow_failure:
        raise SystemExit(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed


def manage(env, *arguments, **kwargs):
    return run([sys.executable, "manage.py", *arguments], env, **kwargs)


class BenchRedis:
    """A private redis-server on loopback (a free port unless given), or none when not installed."""

    def __init__(self, tmp_dir, port=None):
        self.tmp_dir = tmp_dir
        self.port = port
        self.process = None
        self.url = ""

    def __enter__(self):
        if not shutil.which("redis-server"):
            log("redis-server is not installed: servers use the database cache")
            return self
        from bench.fault_services import redis_answers, wait_until
        from deploy.local_front import free_port

        port = self.port or free_port()
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
            + ["--appendonly", "no"],
            cwd=self.tmp_dir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: redis_answers(port), 10, f"redis-server did not start on port {port}")
        self.url = f"redis://127.0.0.1:{port}/0"
        return self

    def __exit__(self, *exc_info):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def prepare_database(env, tmp_dir, articles):
    manage(env, "migrate", "--noinput", "-v0")
    demo = manage(env, "load_demo_content", allow_failure=True)
    if demo.returncode != 0:
        raise SystemExit("The demo content did not load:\n" + demo.stderr[-2000:])
    return top_up(env, tmp_dir, articles)


def top_up(env, tmp_dir, articles):
    """Grow the az news index to `articles` (the newest of the site) and rebuild the search
    index; the URLs to measure and how long the index took."""
    output = Path(tmp_dir) / f"urls-{articles}.json"
    command = [sys.executable, "-m", "bench.prepare", "--articles", str(articles)]
    run([*command, "--output", str(output)], env)
    started = time.monotonic()
    manage(env, "update_index")
    urls = json.loads(output.read_text())
    urls["update_index_seconds"] = round(time.monotonic() - started, 1)
    return urls


def measure_renders(env, tmp_dir, urls, name, runs, cold_runs, rounds):
    urls_file = Path(tmp_dir) / f"render-urls-{name}.json"
    output = Path(tmp_dir) / f"render-{name}.json"
    urls_file.write_text(json.dumps(urls))
    command = [sys.executable, "-m", "bench.render", "--urls", str(urls_file)]
    command += ["--output", str(output), "--runs", str(runs), "--cold-runs", str(cold_runs)]
    run([*command, "--rounds", str(rounds)], env)
    return json.loads(output.read_text())


def production_env(env, redis_url=""):
    """Production settings on the bench's database, plain HTTP on loopback."""
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": BENCH_SECRET_KEY,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "CACHE_KEY_PREFIX": "bench",
        "ACCESSIBILITY_AUDIT_ON_PUBLISH": "false",
        "LOG_LEVEL": "INFO",  # gunicorn logs each worker recycling at INFO
    }
    server_env.pop("REDIS_URL", None)
    if redis_url:
        server_env["REDIS_URL"] = redis_url
    return server_env


# The servers compared: ours with the page cache on and off, and stock Wagtail; and, on the home
# page only, ours cached with workers recycled every 1,000 requests (jitter 500), which shows what
# the staggered recycling costs when it happens several times a run (config/worker_recycling.py).
SERVERS = {
    "ours, page cache on": {"PAGE_CACHE_ENABLED": "true"},
    "ours, page cache off": {"PAGE_CACHE_ENABLED": "false"},
    "stock Wagtail": {"SITE_OPTIMISATIONS": "false"},
    "ours, page cache on, recycling every 1,000": {
        "PAGE_CACHE_ENABLED": "true",
        "GUNICORN_MAX_REQUESTS": "1000",
        "GUNICORN_MAX_REQUESTS_JITTER": "500",
    },
}
HOME_ONLY = ("ours, page cache on, recycling every 1,000",)


def recycles_logged(log_path):
    return Path(log_path).read_text(errors="replace").count("recycles after")


def compression(base_url, path):
    """Whether the cached page is sent gzipped to a browser that accepts it, and its bytes."""
    request = urllib.request.Request(
        base_url + path, headers={"User-Agent": READER_AGENT, "Accept-Encoding": "gzip"}
    )
    for _ in range(2):  # the second visit is the stored page
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            encoding = response.headers.get("Content-Encoding") or "none"
    return {"path": path, "content_encoding": encoding, "bytes_sent": len(body)}


def measure_throughput(server_env, tmp_dir, paths, arguments, stack):
    """Each server in turn, round after round, on each path; then publishing under load."""
    results = {"stack": stack, "connections": arguments.connections, "runs": []}
    with contextlib.ExitStack() as stack_of_servers:
        servers = {}
        for name, extra in SERVERS.items():
            log_path = Path(tmp_dir) / f"gunicorn-{len(servers)}.log"
            server = Gunicorn({**server_env, **extra}, BASE_DIR, workers=2, log_path=log_path)
            servers[name] = (stack_of_servers.enter_context(server), log_path)
        for server, _log in servers.values():
            for path in paths.values():
                load_test(server.base_url + path, seconds=1, connections=2)  # warm every page
        for round_number in range(1, arguments.rounds + 1):
            for name, (server, _log) in servers.items():
                for page, path in paths.items():
                    if name in HOME_ONLY and page != "home":
                        continue
                    figures = load_test(
                        server.base_url + path, arguments.seconds, arguments.connections
                    )
                    figures.update(
                        server=name, page=page, round=round_number, load_average=load_average()
                    )
                    results["runs"].append(figures)
        results["recycles"] = {name: recycles_logged(log) for name, (_s, log) in servers.items()}
        cached = servers["ours, page cache on"][0]
        results["compression"] = compression(cached.base_url, paths["home"])
        log("publishing under load")
        load_before = load_average()
        results["publishing"] = publish_under_load(
            server_env,
            cached.base_url,
            list(paths.values()),
            arguments.seconds * 2,
            arguments.connections,
        )
        results["publishing"]["load_average"] = [load_before, load_average()]
        results["publishing"]["stack"] = stack
        for server, _log in servers.values():  # all stop at once; the exit waits for each
            server.process.terminate()
    return results


def optional_script(module, env, tmp_dir, extra=()):
    """Run a bench script when it exists; its JSON result, or why there is none."""
    if not (BASE_DIR / "bench" / f"{module}.py").exists():
        return {"not_measured": f"bench/{module}.py missing"}
    output = Path(tmp_dir) / f"{module}.json"
    command = [sys.executable, "-m", f"bench.{module}", "--output", str(output), *extra]
    load_before = load_average()
    completed = run(command, env, allow_failure=True)
    if not output.exists():
        return {"error": (completed.stderr.strip().splitlines() or ["no output"])[-1]}
    result = json.loads(output.read_text())
    result["load_average"] = [load_before, load_average()]
    return result


def search_at_scale(env, articles):
    """`python -m bench.search_scale --articles N --json` (the search developer's module) on
    the bench's database; its JSON object, or why it was not measured."""
    if not (BASE_DIR / "bench" / "search_scale.py").exists():
        return {"not_measured": "bench.search_scale missing"}
    command = [sys.executable, "-m", "bench.search_scale", "--articles", str(articles), "--json"]
    load_before = load_average()
    completed = run(command, env, allow_failure=True, timeout=1800)
    for line in reversed(completed.stdout.strip().splitlines()):
        try:
            result = json.loads(line)
        except ValueError:
            continue
        if isinstance(result, dict):
            return {"result": result, "load_average": [load_before, load_average()]}
    try:
        return {"result": json.loads(completed.stdout), "load_average": [load_before]}
    except ValueError:
        tail = (completed.stderr.strip().splitlines() or ["no JSON printed"])[-1]
        return {"error": f"exit {completed.returncode}: {tail}"}


def scale_sizes(requested):
    if not requested:
        return []
    return sorted({*(size for size in STANDARD_SCALES if size < requested), requested})


def scale_step(env, tmp_dir, urls, size, steps):
    scaled = urls if size is None else steps.run(f"growing to {size} articles", top_up, env,
                                                 tmp_dir, size)  # fmt: skip
    articles = scaled["scale"]["articles"]
    renders = steps.run(
        f"listings at {articles} articles",
        measure_renders, env, tmp_dir, scaled["scale"]["urls"], f"scale-{articles}", 5, 3, 2,
    )  # fmt: skip
    search = steps.run(f"search at {articles} articles", search_at_scale, env, articles)
    return str(articles), {
        "articles": articles,
        "update_index_seconds": scaled["update_index_seconds"],
        "renders": renders,
        "search": search,
    }


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument(
        "--scale", type=int, default=10_000, help="largest article count (0 skips the step)"
    )
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="turns each server takes")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--runs", type=int, default=10, help="render visits per figure/round")
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--audit-viewports", default="1280x800")
    parser.add_argument("--redis-port", type=int, help="port of the bench's own redis-server")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-audit", action="store_true")
    arguments = parser.parse_args(argv)
    if not 1 <= arguments.seconds <= 120 or not 1 <= arguments.connections <= 256:
        parser.error("--seconds must be 1–120 and --connections 1–256")
    if arguments.scale and arguments.scale <= arguments.articles:
        parser.error("--scale must be 0 or more than --articles")
    return arguments


def collect(arguments, tmp_dir, redis, steps):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": throwaway_database_url(tmp_dir, "bench"),
        "VAR_DIR": str(tmp_dir),
        "DEMO_ADMIN_PASSWORD": "bench-admin-password",
        "PAGE_CACHE_ENABLED": "true",
        "SITE_OPTIMISATIONS": "true",
        # As in production: article visits written in batches, not one write per visit.
        "VIEW_COUNT_FLUSH_SECONDS": "10",
    }
    env.pop("REDIS_URL", None)  # in-process renders use this process's memory
    database = database_name(env["DATABASE_URL"])
    urls = steps.run(
        f"preparing the database ({database}, demo + {arguments.articles} articles)",
        prepare_database, env, tmp_dir, arguments.articles,
    )  # fmt: skip
    page_types = urls["page_types"]
    results = {"database": database, "articles": arguments.articles, "renders": {}}
    results["renders"]["memory"] = steps.run(
        "renders, local memory",
        measure_renders, env, tmp_dir, page_types, "memory",
        arguments.runs, arguments.cold_runs, arguments.rounds,
    )  # fmt: skip
    server_env = production_env(env)
    steps.run("collectstatic and createcachetable", prepare_production, server_env)
    # The production default without Redis, on the page types the issue names: renders are
    # slower there (a cold render writes the database cache), so fewer visits.
    main_types = {name: page_types[name] for name in DATABASE_CACHE_PAGE_TYPES}
    results["renders"]["database cache"] = steps.run(
        "renders, database cache",
        measure_renders, server_env, tmp_dir, main_types, "database-cache",
        max(3, arguments.runs // 2), max(2, arguments.cold_runs // 2), arguments.rounds,
    )  # fmt: skip
    # Production with Redis: the memo a publish rewarms is shared (bench.render's "published").
    results["renders"]["Redis"] = steps.run(
        "renders, Redis",
        measure_renders, production_env(env, redis.url), tmp_dir, main_types, "redis",
        max(3, arguments.runs // 2), max(2, arguments.cold_runs // 2), arguments.rounds,
    ) if redis.url else None  # fmt: skip
    if not arguments.skip_load:
        load_paths = {
            "home": page_types["homepage"],
            "article": page_types["newspage"],
            "news index": page_types["newsindexpage"],
        }
        redis_env = production_env(env, redis.url)
        results["throughput"] = steps.run(
            "throughput",
            measure_throughput, redis_env, tmp_dir, load_paths, arguments,
            label_for_server(env["DATABASE_URL"], redis.url),
        )  # fmt: skip
    results["page_weight"] = steps.run("page weight", optional_script, "page_weight", env, tmp_dir)
    if not arguments.skip_audit:
        # The demo's English pages (not the generated az articles), one viewport: a sample.
        audit_options = ["--workers", "2", "--current-database", "--"]
        audit_options += ["--viewports", arguments.audit_viewports, "--locales", "en"]
        results["audit_speed"] = steps.run(
            "audit speed", optional_script, "audit_speed", env, tmp_dir, audit_options
        )
    results["scale"] = dict([scale_step(env, tmp_dir, urls, None, steps)])
    for size in scale_sizes(arguments.scale):
        key, figures = scale_step(env, tmp_dir, urls, size, steps)
        results["scale"][key] = figures
    return results


def prepare_production(server_env):
    manage(server_env, "collectstatic", "--noinput", "-v0")
    manage(server_env, "createcachetable")


def main(argv):
    arguments = parse_arguments(argv)
    if shutil.which("wrk") is None and not arguments.skip_load:
        run(["bash", "scripts/install-system-packages.sh", "wrk"], os.environ, allow_failure=True)
    started = datetime.datetime.now(datetime.UTC)
    clock = time.monotonic()
    load_at_start = [round(value, 2) for value in os.getloadavg()]
    steps = Steps()
    with (
        tempfile.TemporaryDirectory(prefix="ombudsman-bench-") as tmp_dir,
        BenchRedis(tmp_dir, arguments.redis_port) as redis,
    ):
        results = collect(arguments, tmp_dir, redis, steps)
    results["started_at"] = started.isoformat(timespec="seconds")
    results["arguments"] = vars(arguments)
    results["steps"] = steps.records
    results["run_seconds"] = round(time.monotonic() - clock, 1)
    results["machine"] = {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "load_average_at_start": load_at_start,
        "load_average_at_end": [round(value, 2) for value in os.getloadavg()],
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    for path in (RESULTS_DIR / f"bench-{stamp}.json", RESULTS_DIR / "latest.json"):
        path.write_text(json.dumps(results, indent=2))
    print_table(results)
    log(f"JSON written to {RESULTS_DIR / 'latest.json'}")


if __name__ == "__main__":
    main(sys.argv[1:])
