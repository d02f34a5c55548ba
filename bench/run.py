"""`make bench`: every performance figure of the site in one table, and as JSON in bench-results/.

    .venv/bin/python -m bench.run [--scale 10000] [--seconds 10] [--skip-audit] [--skip-load]

In a throw-away database (SQLite in a temporary folder, or `<name>_bench` when DATABASE_URL is
PostgreSQL) holding the demo content topped up to 100 articles, it measures: render median and
p95 and SQL queries per page type, rendered (page cache off), after a publish (nothing cached)
and warm (page cache); throughput and latency
under gunicorn with 2 workers on 127.0.0.1 (wrk, 8 connections), with the page cache off and on;
the home page weight (bench/page_weight.py) and audit pages per minute (bench/audit_speed.py)
when those scripts exist; and the scale run: the same database grown to 10,000 articles,
news index page 1 and last page, an article and the sitemap, compared with 100 articles.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.load import Gunicorn, load_test
from bench.report import print_table
from config.throwaway_database import throwaway_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench-results"


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(command, env, **kwargs):
    completed = subprocess.run(command, env=env, cwd=BASE_DIR, capture_output=True, text=True)
    if completed.returncode != 0 and not kwargs.get("allow_failure"):
        raise SystemExit(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed


def manage(env, *arguments, **kwargs):
    return run([sys.executable, "manage.py", *arguments], env, **kwargs)


class BenchRedis:
    """A private redis-server on a free loopback port, or nothing when Redis is not installed."""

    def __init__(self, tmp_dir):
        self.tmp_dir = tmp_dir
        self.process = None
        self.url = ""

    def __enter__(self):
        if not shutil.which("redis-server"):
            log("redis-server is not installed: the page cache uses the database")
            return self
        from accessibility.server import free_loopback_port

        port = free_loopback_port()
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", ""],
            cwd=self.tmp_dir,
            stdout=subprocess.DEVNULL,
        )
        self.url = f"redis://127.0.0.1:{port}/0"
        return self

    def __exit__(self, *exc_info):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def prepare_database(env, tmp_dir, articles):
    log("migrating the throw-away database")
    manage(env, "migrate", "--noinput", "-v0")
    log("loading the demo content")
    demo = manage(env, "load_demo_content", allow_failure=True)
    if demo.returncode != 0:
        log("the demo content did not load; measuring home pages and generated articles only:")
        log((demo.stderr.strip().splitlines() or ["(no message)"])[-1])
    return top_up(env, tmp_dir, articles)


def top_up(env, tmp_dir, articles):
    log(f"growing the az news index to {articles} articles")
    output = Path(tmp_dir) / f"urls-{articles}.json"
    run(
        [
            sys.executable,
            "-m",
            "bench.prepare",
            "--articles",
            str(articles),
            "--output",
            str(output),
        ],
        env,
    )
    return json.loads(output.read_text())


def measure_renders(env, tmp_dir, urls, name, cold_runs, warm_runs):
    log(f"render timings: {name}")
    urls_file = Path(tmp_dir) / f"render-urls-{name}.json"
    output = Path(tmp_dir) / f"render-{name}.json"
    urls_file.write_text(json.dumps(urls))
    command = [sys.executable, "-m", "bench.render", "--urls", str(urls_file)]
    command += ["--output", str(output), "--cold-runs", str(cold_runs)]
    run([*command, "--warm-runs", str(warm_runs)], env)
    return json.loads(output.read_text())


def measure_throughput(env, urls, seconds, connections, redis_url):
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key-not-for-production-use",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "bench",
        "LOG_LEVEL": "WARNING",
    }
    log("collecting static files for the production settings")
    manage(server_env, "collectstatic", "--noinput", "-v0")
    if not redis_url:
        manage(server_env, "createcachetable")
    results = {}
    for cache_state, enabled in (("uncached", "false"), ("cached", "true")):
        with Gunicorn({**server_env, "PAGE_CACHE_ENABLED": enabled}, BASE_DIR) as server:
            for page_type in ("home", "article"):
                url = server.base_url + urls[page_type]
                load_test(url, seconds=2, connections=connections)  # warm the workers
                log(f"throughput: {page_type}, {cache_state}")
                results[f"{page_type} ({cache_state})"] = load_test(url, seconds, connections)
    return results


def optional_script(module, env, tmp_dir, extra=()):
    """Run a teammate's bench script when it exists; its JSON result, or why there is none."""
    if not (BASE_DIR / "bench" / f"{module}.py").exists():
        return {"skipped": f"bench/{module}.py does not exist yet"}
    output = Path(tmp_dir) / f"{module}.json"
    log(f"running bench/{module}.py")
    command = [sys.executable, "-m", f"bench.{module}", "--output", str(output), *extra]
    completed = run(command, env, allow_failure=True)
    if completed.returncode != 0 or not output.exists():
        return {"error": (completed.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(output.read_text())


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--scale", type=int, default=10000, help="0 skips the scale run.")
    parser.add_argument("--seconds", type=int, default=10, help="Duration of each load test.")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--cold-runs", type=int, default=30)
    parser.add_argument("--warm-runs", type=int, default=100)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-audit", action="store_true")
    return parser.parse_args(argv)


def collect(arguments, tmp_dir, redis):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": throwaway_database_url(tmp_dir, "bench"),
        "VAR_DIR": str(tmp_dir),
        "DEMO_ADMIN_PASSWORD": "bench-admin-password",
        "PAGE_CACHE_ENABLED": "true",
        # As in production: article visits written in batches, not one write per visit.
        "VIEW_COUNT_FLUSH_SECONDS": "10",
    }
    env.pop("REDIS_URL", None)  # renders measure this process's own cache
    urls = prepare_database(env, tmp_dir, arguments.articles)
    page_types = urls["page_types"]
    results = {"database": env["DATABASE_URL"].split(":", 1)[0], "articles": arguments.articles}
    results["render"] = measure_renders(
        env, tmp_dir, page_types, "page-types", arguments.cold_runs, arguments.warm_runs
    )
    if not arguments.skip_load:
        load_urls = {"home": page_types["homepage"], "article": page_types["newspage"]}
        results["throughput"] = measure_throughput(
            env, load_urls, arguments.seconds, arguments.connections, redis.url
        )
    results["page_weight"] = optional_script("page_weight", env, tmp_dir)
    if not arguments.skip_audit:
        results["audit_speed"] = optional_script("audit_speed", env, tmp_dir, ["--workers", "2"])
    results["scale"] = {
        str(arguments.articles): measure_renders(
            env, tmp_dir, urls["scale"]["urls"], "small", 10, 30
        )
    }
    if arguments.scale:
        scaled = top_up(env, tmp_dir, arguments.scale)
        results["scale"][str(arguments.scale)] = measure_renders(
            env, tmp_dir, scaled["scale"]["urls"], "large", 10, 30
        )
    return results


def main(argv):
    arguments = parse_arguments(argv)
    if shutil.which("wrk") is None and not arguments.skip_load:
        run(["bash", "scripts/install-system-packages.sh", "wrk"], os.environ, allow_failure=True)
    started = datetime.datetime.now(datetime.UTC)
    load_at_start = [round(value, 2) for value in os.getloadavg()]
    with (
        tempfile.TemporaryDirectory(prefix="ombudsman-bench-") as tmp_dir,
        BenchRedis(tmp_dir) as redis,
    ):
        results = collect(arguments, tmp_dir, redis)
    results["started_at"] = started.isoformat(timespec="seconds")
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
