"""Throughput and latency under gunicorn (2 sync workers) on 127.0.0.1, measured with wrk.

wrk comes from Debian (installed by the bench set-up when run as root); without it, a small
Python load generator with the same bounds (connections, duration) is used and says so.
"""

import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

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
    return result


def run_wrk(url, seconds, connections, threads=2):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        f"User-Agent: {READER_AGENT}",
        url,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_wrk(completed.stdout)


def run_python_load(url, seconds, connections, max_requests=20000):
    """A bounded fallback: `connections` threads issuing requests until time or count is up."""
    latencies, errors = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        request = urllib.request.Request(url, headers={"User-Agent": READER_AGENT})
        while time.monotonic() < deadline and len(latencies) < max_requests:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
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
        "non_2xx": len(errors),
        "socket_errors": "",
    }


def load_test(url, seconds=10, connections=8):
    if shutil.which("wrk"):
        return run_wrk(url, seconds, connections)
    return run_python_load(url, seconds, connections)
