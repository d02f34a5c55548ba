"""Throughput and latency under gunicorn (2 sync workers) on 127.0.0.1, measured with wrk.

wrk comes from Debian (installed by the bench set-up when run as root); without it, a small
Python load generator with the same bounds (connections, duration) is used and says so.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from accessibility.server import free_loopback_port

READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


class Gunicorn:
    """gunicorn with the project's config file on a free loopback port; a context manager."""

    def __init__(self, env, base_dir, workers=2, log_path=None):
        self.port = free_loopback_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
        }
        self.base_dir = Path(base_dir)
        self.log_path = log_path or self.base_dir / "var" / f"gunicorn-{self.port}.log"

    def __enter__(self):
        self.log = open(self.log_path, "wb")  # noqa: SIM115 - closed in __exit__
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "-c", "config/gunicorn.py", "config.wsgi"],
            env=self.env,
            cwd=self.base_dir,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                urllib.request.urlopen(self.base_url + "/robots.txt", timeout=2)
                return self
            except urllib.error.HTTPError:
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer in 60 s; see {self.log_path}")

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return round(float(match.group(1)) * UNITS_MS[match.group(2)], 2) if match else None


def parse_wrk(output):
    """Requests per second, latency percentiles and errors from `wrk --latency` output."""
    result = {"tool": "wrk"}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["requests_per_second"] = round(float(match.group(1)), 1)
    for percent in ("50", "75", "90", "99"):
        if match := re.search(rf"^\s+{percent}%\s+(\S+)", output, re.MULTILINE):
            result[f"p{percent}_ms"] = to_ms(match.group(1))
    if match := re.search(r"(\d+) requests in", output):
        result["requests"] = int(match.group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx"] = int(errors.group(1)) if errors else 0
    socket_errors = re.search(r"Socket errors: (.*)", output)
    result["socket_errors"] = socket_errors.group(1) if socket_errors else ""
    counts = dict(re.findall(r"(connect|read|write|timeout) (\d+)", result["socket_errors"]))
    result["timeouts"] = int(counts.get("timeout", 0))
    result["socket_error_count"] = sum(int(value) for value in counts.values())
    buckets = {}
    for second, answered, failed in re.findall(r"^BUCKET (\d+) (\d+) (\d+)$", output, re.M):
        buckets[int(second)] = (int(answered), int(failed))
    if buckets:
        result["per_second"] = [buckets[second] for second in sorted(buckets)]
    return result


# Requests go round the given paths; with buckets, every answer is counted in the second it came
# (wrk's clock, whole seconds), 2xx/3xx apart from the rest, and printed as BUCKET lines.
WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""
WRK_BUCKETS = """
answered = {}
failed = {}
local threads = {}
setup = function(thread)
    table.insert(threads, thread)
end
response = function(status, headers, body)
    local second = os.time()
    if status < 400 then
        answered[second] = (answered[second] or 0) + 1
    else
        failed[second] = (failed[second] or 0) + 1
    end
end
done = function(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for _, name in ipairs({"answered", "failed"}) do
            for second, count in pairs(thread:get(name)) do
                totals[second] = totals[second] or {0, 0}
                local column = name == "answered" and 1 or 2
                totals[second][column] = totals[second][column] + count
            end
        end
    end
    for second, pair in pairs(totals) do
        io.write(string.format("BUCKET %d %d %d\\n", second, pair[1], pair[2]))
    end
end
"""


def wrk_script(paths, buckets=False):
    script = WRK_SCRIPT % {"paths": ", ".join(f'"{path}"' for path in paths)}
    return script + (WRK_BUCKETS if buckets else "")


def run_wrk(url, seconds, connections, threads=2, paths=None, buckets=False, timeout=5):
    """wrk against `url` (or round the `paths` of its server); latency, errors, per-second."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", f"{timeout}s", "-H", f"User-Agent: {READER_AGENT}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(wrk_script(paths or [urlsplit(url).path or "/"], buckets))
    try:
        command += ["-s", script.name, url]
        completed = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=seconds + 60
        )
    finally:
        os.unlink(script.name)
    result = parse_wrk(completed.stdout)
    result["connections"] = connections
    result["seconds"] = seconds
    result["timeout_s"] = timeout
    return result


def run_python_load(url, seconds, connections, max_requests=20000):
    """A bounded fallback: `connections` threads issuing requests until time or count is up."""
    latencies, errors, refused = [], [], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        request = urllib.request.Request(url, headers={"User-Agent": READER_AGENT})
        while time.monotonic() < deadline and len(latencies) < max_requests:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
            except urllib.error.HTTPError as error:
                refused.append(error.code)
                continue
            except OSError as error:
                errors.append(repr(error))
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]

    def at(fraction):
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 2)

    return {
        "tool": "python (wrk not installed)",
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "requests": len(latencies),
        "p50_ms": at(0.50),
        "p75_ms": at(0.75),
        "p90_ms": at(0.90),
        "p99_ms": at(0.99),
        "non_2xx": len(refused),
        "socket_errors": f"{len(errors)} failed requests" if errors else "",
        "timeouts": sum("timed out" in error for error in errors),
        "socket_error_count": len(errors),
        "connections": connections,
        "seconds": seconds,
    }


def load_test(url, seconds=10, connections=8, **wrk_options):
    if shutil.which("wrk"):
        return run_wrk(url, seconds, connections, **wrk_options)
    return run_python_load(url, seconds, connections)
