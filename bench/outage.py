"""Uncached throughput under gunicorn (2 workers) with Redis up, then with Redis hung (SIGSTOP).

    .venv/bin/python -m bench.outage [--seconds 10] [--connections 4]

The page cache is off, so every request renders (the issue's figure: "uncached throughput during
an outage at least half of what it is with Redis up"); a throw-away SQLite database with the
home pages and a few articles, a Redis of its own on a free loopback port. Prints JSON.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.faults import RedisServer
from bench.load import Gunicorn, load_test

BASE_DIR = Path(__file__).resolve().parent.parent
CONTENT = (
    "from bench.content import build_minimal_site, create_articles, ensure_news_index\n"
    "build_minimal_site()\n"
    "articles = create_articles(ensure_news_index('az'), 3, images=1)\n"
    "print(articles[0].url)\n"
)


def manage(env, *arguments):
    command = [sys.executable, str(BASE_DIR / "manage.py"), *arguments]
    return subprocess.run(
        command, env=env, cwd=BASE_DIR, check=True, capture_output=True, text=True
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    options = parser.parse_args(argv)
    directory = Path(tempfile.mkdtemp(prefix="bench-outage-"))
    try:
        result = measure(directory, options)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    print(json.dumps(result, indent=2))
    return 0 if result["ratio"] >= 0.5 else 1


def measure(directory, options):
    with RedisServer(directory) as redis:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"sqlite:///{directory / 'bench.sqlite3'}",
            "VAR_DIR": str(directory),
            "REDIS_URL": redis.url,
            "PAGE_CACHE_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
        }
        manage(env, "migrate", "--noinput", "-v0")
        url = manage(env, "shell", "--no-imports", "-c", CONTENT).stdout.strip().splitlines()[-1]
        log = directory / "gunicorn.log"
        with Gunicorn(env, BASE_DIR, workers=2, log_path=log) as site:
            load_test(site.base_url + url, seconds=2, connections=options.connections)  # warm
            redis_up = load_test(site.base_url + url, options.seconds, options.connections)
            redis.hang()
            try:
                redis_hung = load_test(site.base_url + url, options.seconds, options.connections)
            finally:
                redis.resume()
        tracebacks = log.read_text(errors="replace").count("Traceback")
        warnings = log.read_text(errors="replace").count("Redis cache unreachable")
    return {
        "url": url,
        "redis_up": redis_up,
        "redis_hung": redis_hung,
        "ratio": round(redis_hung["requests_per_second"] / redis_up["requests_per_second"], 2),
        "log_warnings": warnings,
        "log_tracebacks": tracebacks,
    }


if __name__ == "__main__":
    sys.exit(main())
