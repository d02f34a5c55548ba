"""`make loadtest`'s steady-state and publishing phases, counted per second: the lowest second.

    .venv/bin/python -m bench.publish_buckets [--seconds 20] [--connections 8] [--stale-seconds 5]

The same site, load mix (wrk over cached pages and one uncached search in five) and publisher
(an article published every half second) as bench/loadtest.py, with gunicorn's 2 workers and a
redis-server of its own, on SQLite. wrk counts completed requests per wall-clock second in each
of its threads; the table gives the median and lowest second of the steady state and of the
publishing phase, the seconds below half the steady median, and the load average.
`--stale-seconds 0` switches off serving the previous page while one request renders the new
one (PAGE_CACHE_STALE_SECONDS), for comparison. Writes bench-results/publish_buckets.json.
"""

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.fault_services import RedisServer
from bench.load import READER_AGENT
from bench.loadtest import (
    CACHED_PATHS,
    MAX_PUBLISHES,
    PUBLISH_SCRIPT,
    SEARCH_PATH,
    WRK_SCRIPT,
    log,
    warm,
)
from deploy.local_front import Gunicorn, prepare_site, production_environment, stop_process

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench-results"

# Each wrk thread appends "<second> <requests completed in it>" to its own file.
BUCKETS_SCRIPT = """
local counter_file = "%s"
local threads = 0
setup = function(thread)
    threads = threads + 1
    thread:set("id", threads)
end
local current, count = 0, 0
local function flush()
    if count > 0 then
        local out = io.open(counter_file .. "." .. id, "a")
        out:write(current .. " " .. count .. "\\n")
        out:close()
    end
end
response = function(status, headers, body)
    local second = os.time()
    if second ~= current then
        flush()
        current, count = second, 0
    end
    count = count + 1
end
done = function(summary, latency, requests) end
"""


def bucketed_load(base_url, seconds, connections, folder, name):
    """Requests completed in each second of a wrk run: [count, ...] in time order."""
    counter_file = folder / f"{name}.buckets"
    script = folder / f"{name}.lua"
    mix = WRK_SCRIPT % (", ".join(f'"{path}"' for path in CACHED_PATHS), SEARCH_PATH)
    script.write_text(mix + BUCKETS_SCRIPT % counter_file)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
    command += ["-H", f"User-Agent: {READER_AGENT}", "-s", str(script), base_url]
    subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True)
    totals = {}
    for part in folder.glob(f"{name}.buckets.*"):
        for line in part.read_text().split("\n"):
            if line.strip():
                second, count = map(int, line.split())
                totals[second] = totals.get(second, 0) + count
    ordered = [totals[second] for second in sorted(totals)]
    return ordered[1:-1]  # the first and last seconds are partial


def publishing(env, base_url, seconds, connections, folder):
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
        buckets = bucketed_load(base_url, seconds, connections, folder, "publishing")
        output, _ = publisher.communicate(timeout=seconds + 120)
    finally:
        stop_process(publisher)
    published = [line for line in output.splitlines() if line.startswith("PUBLISHED ")]
    return buckets, int(published[0].split()[1]) if published else None


def summary(buckets, steady_median):
    return {
        "seconds": len(buckets),
        "median": statistics.median(buckets) if buckets else None,
        "lowest": min(buckets) if buckets else None,
        "below_half_of_steady": sum(1 for count in buckets if count < steady_median / 2),
        "per_second": buckets,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--stale-seconds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "publish_buckets.json")
    args = parser.parse_args(argv)
    if not 3 <= args.seconds <= 300 or not 1 <= args.connections <= 64:
        parser.error("--seconds must be 3–300 and --connections 1–64")
    for program in ("wrk", "redis-server"):
        if not shutil.which(program):
            raise SystemExit(f"{program} is not installed (apt-get install -y {program})")

    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ombudsman-pub-")))
        redis = RedisServer(folder)
        redis.start()
        stack.callback(redis.stop)
        env = production_environment(
            folder,
            f"sqlite:///{folder / 'load.sqlite3'}",
            REDIS_URL=redis.url,
            LOG_LEVEL="WARNING",
            PAGE_CACHE_STALE_SECONDS=args.stale_seconds,
        )
        log("migrating and loading the demo content (a minute or two)")
        with open(folder / "prepare.log", "wb") as prepare_log:
            prepare_site(env, log=prepare_log)
        gunicorn = stack.enter_context(Gunicorn(env, folder / "gunicorn.log", workers=2))
        warm(gunicorn.url)
        log("steady state")
        steady = bucketed_load(gunicorn.url, args.seconds, args.connections, folder, "steady")
        warm(gunicorn.url)
        log("publishing under load")
        buckets, publishes = publishing(env, gunicorn.url, args.seconds, args.connections, folder)
    steady_median = statistics.median(steady)
    results = {
        "stale_seconds": args.stale_seconds,
        "connections": args.connections,
        "publishes": publishes,
        "load_average": os.getloadavg(),
        "cpu_count": os.cpu_count(),
        "steady state": summary(steady, steady_median),
        "publishing under load": summary(buckets, steady_median),
    }
    print(
        f"\nPublishing under load (SQLite + Redis, gunicorn 2 workers, {args.connections} "
        f"connections, PAGE_CACHE_STALE_SECONDS={args.stale_seconds}, {publishes} publishes, "
        f"load average {' '.join(f'{value:.2f}' for value in results['load_average'])})"
    )
    for phase in ("steady state", "publishing under load"):
        figures = results[phase]
        print(
            f"  {phase:22} median {figures['median']} req/s, lowest second {figures['lowest']}, "
            f"seconds below half the steady median: {figures['below_half_of_steady']} "
            f"of {figures['seconds']}"
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
