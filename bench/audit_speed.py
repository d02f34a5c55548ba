"""Benchmark of the accessibility audit: pages audited per minute on the demo site, 1 and 2 workers.

    .venv/bin/python -m bench.audit_speed [--workers 1,2] [--output var/bench/audit_speed.json]
        [-- extra audit_accessibility options, e.g. --viewports 1280x800]

Loads the demo content into a throw-away database (or, with --current-database, uses the one
DATABASE_URL names), then runs `manage.py audit_accessibility`
(which serves the site on a loopback port) once per worker count. Pages per minute are page views
(URL x viewport x variant) divided by the run's own duration (browser start-ups included, server
start-up not); the median is over the seconds each page view took. Prints a table and writes JSON.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2", help="Comma-separated worker counts.")
    parser.add_argument("--output", help="JSON file (default: var/bench/audit_speed.json).")
    parser.add_argument(
        "--current-database",
        action="store_true",
        help="Audit the database DATABASE_URL names (already holding the demo) instead of "
        "loading the demo into a throw-away one.",
    )
    parser.add_argument("audit_options", nargs="*", help="Passed on to audit_accessibility.")
    return parser.parse_args(argv)


def measure(env, workers, report_dir, audit_options, base_dir):
    command = [
        sys.executable,
        str(base_dir / "manage.py"),
        "audit_accessibility",
        "--workers",
        str(workers),
        "--formats",
        "json",
        "--output",
        str(report_dir),
        *audit_options,
    ]
    completed = subprocess.run(command, env=env, cwd=base_dir, capture_output=True, text=True)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"The audit failed (exit {completed.returncode}):\n{completed.stdout}")
    document = json.loads((report_dir / "audit.json").read_text())
    run = document["run"]
    seconds = (
        datetime.datetime.fromisoformat(run["finished_at"])
        - datetime.datetime.fromisoformat(run["started_at"])
    ).total_seconds()
    durations = [page["duration_seconds"] for page in document["pages"]]
    return {
        "workers": workers,
        "page_views": len(durations),
        "run_seconds": round(seconds, 1),
        "pages_per_minute": round(len(durations) / seconds * 60, 1),
        "median_seconds_per_page": round(statistics.median(durations), 2),
        "exit_code": completed.returncode,
        "axe_version": run["axe_version"],
    }


def main(argv):
    arguments = parse_arguments(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings

    from config.demo_database import prepare_demo_database

    base_dir = Path(settings.BASE_DIR)
    output = Path(arguments.output or settings.VAR_DIR / "bench" / "audit_speed.json")
    results = []
    with tempfile.TemporaryDirectory(prefix="ombudsman-bench-") as tmp_dir:
        if arguments.current_database:
            env = dict(os.environ)
        else:
            print("Loading the demo content into a throw-away database...", flush=True)
            env = prepare_demo_database(tmp_dir)
        for workers in [int(n) for n in arguments.workers.split(",")]:
            report_dir = Path(tmp_dir) / f"reports-{workers}"
            result = measure(env, workers, report_dir, arguments.audit_options, base_dir)
            results.append(result)
            print(
                f"{workers} worker(s): {result['page_views']} page views in "
                f"{result['run_seconds']} s = {result['pages_per_minute']} pages/minute, "
                f"median {result['median_seconds_per_page']} s/page",
                flush=True,
            )
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "load_average_at_end": os.getloadavg(),
        "audit_options": arguments.audit_options,
        "results": results,
    }
    output.write_text(json.dumps(document, indent=2) + "\n")
    print(f"Written to {output}")


if __name__ == "__main__":
    main(sys.argv[1:])
