"""Browser workers: each thread drives one reused headless Chromium through a queue of jobs.

A job that times out, errors or crashes its browser is retried once in a fresh browser; if it
fails again the outcome is an error and the worker goes on with a fresh browser for the next job.
Workers never touch the database: they hand outcomes to the caller's thread through a queue.
"""

import contextlib
import queue
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from selenium.common.exceptions import TimeoutException, WebDriverException

from .axe import run_axe
from .browser import quit_browser, start_chromium

NAVIGATION_STATUS_SCRIPT = (
    "var entry = performance.getEntriesByType('navigation')[0];"
    "return entry && entry.responseStatus ? entry.responseStatus : null;"
)


class PageNotAuditable(RuntimeError):
    """The page loaded, but not as expected (an unexpected HTTP status)."""


@dataclass(frozen=True)
class Job:
    target: object  # targets.AuditTarget
    viewport: object  # targets.Viewport
    variant: object  # targets.Variant
    url: str


@dataclass
class Outcome:
    job: Job
    results: dict | None = None
    error: str = ""
    attempts: int = 1
    duration_seconds: float = 0.0
    http_status: int | None = None
    axe_version: str = ""


def default_browser_factory(remote_url=None):
    return start_chromium(remote_url=remote_url)


class BrowserWorker(threading.Thread):
    """Takes jobs from `jobs` until it finds None; puts one Outcome per job on `outcomes`."""

    def __init__(self, jobs, outcomes, *, options, name):
        super().__init__(name=name, daemon=True)
        self.jobs = jobs
        self.outcomes = outcomes
        self.options = options
        self.driver = None
        self.window_size = None
        self.cookies = None

    def run(self):
        try:
            while True:
                job = self.jobs.get()
                if job is None:
                    return
                self.outcomes.put(self.audit_with_retry(job))
        finally:
            self.discard_browser()

    def audit_with_retry(self, job):
        started = time.monotonic()
        errors = []
        for attempt in range(1, self.options.attempts + 1):
            try:
                results, status = self.audit(job)
            except Exception as error:  # noqa: BLE001 - any failure is retried, then recorded
                errors.append(describe_error(error))
                self.discard_browser()  # The next attempt gets a fresh browser.
                continue
            return Outcome(
                job=job,
                results=results,
                attempts=attempt,
                duration_seconds=time.monotonic() - started,
                http_status=status,
                axe_version=results.get("testEngine", {}).get("version", ""),
            )
        return Outcome(
            job=job,
            error=" / ".join(f"attempt {n}: {text}" for n, text in enumerate(errors, 1)),
            attempts=len(errors),
            duration_seconds=time.monotonic() - started,
        )

    def audit(self, job):
        driver = self.browser()
        self.set_viewport(driver, job.viewport)
        self.set_cookies(driver, job)
        driver.get(job.url)
        status = driver.execute_script(NAVIGATION_STATUS_SCRIPT)
        if status is not None and status != job.target.expected_status:
            raise PageNotAuditable(
                f"HTTP status {status} where {job.target.expected_status} was expected"
            )
        results = run_axe(
            driver,
            tags=self.options.tags,
            include_best_practice=self.options.include_best_practice,
        )
        return results, status

    def browser(self):
        if self.driver is None:
            self.driver = self.options.browser_factory(remote_url=self.options.remote_url)
            self.driver.set_page_load_timeout(self.options.timeout)
            self.driver.set_script_timeout(self.options.timeout)
            self.window_size = None
            self.cookies = None
        return self.driver

    def set_viewport(self, driver, viewport):
        """Make the page's viewport (not the window) the requested size."""
        if self.window_size == viewport:
            return
        driver.set_window_size(viewport.width, viewport.height)
        inner_width, inner_height = driver.execute_script("return [innerWidth, innerHeight];")
        if (inner_width, inner_height) != (viewport.width, viewport.height):
            driver.set_window_size(
                2 * viewport.width - inner_width, 2 * viewport.height - inner_height
            )
        self.window_size = viewport

    def set_cookies(self, driver, job):
        """Send exactly the variant's cookies: set them on the target's origin before loading."""
        parts = urlsplit(job.url)
        origin = f"{parts.scheme}://{parts.netloc}"
        wanted = (origin, job.variant.cookies)
        if self.cookies == wanted:
            return
        if not driver.current_url.startswith(origin + "/"):
            # Cookies can only be set on a document of their origin; robots.txt is small.
            driver.get(origin + "/robots.txt")
        driver.delete_all_cookies()
        for name, value in job.variant.cookies:
            driver.add_cookie({"name": name, "value": value, "path": "/"})
        self.cookies = wanted

    def discard_browser(self):
        if self.driver is not None:
            driver, self.driver = self.driver, None
            # A crashed browser may not quit cleanly; its profile folder is removed anyway.
            with contextlib.suppress(Exception):
                quit_browser(driver)


def describe_error(error):
    if isinstance(error, TimeoutException):
        return "the page did not finish loading or being audited in time"
    if isinstance(error, WebDriverException):
        first_line = (error.msg or str(error)).strip().splitlines()
        return f"browser error: {first_line[0] if first_line else type(error).__name__}"
    return f"{type(error).__name__}: {error}"


def run_jobs(jobs, options):
    """Audit `jobs` with `options.workers` threads; yield each Outcome as soon as it arrives."""
    job_queue, outcome_queue = queue.Queue(), queue.Queue()
    for job in jobs:
        job_queue.put(job)
    worker_count = max(1, min(options.workers, len(jobs)))
    workers = [
        BrowserWorker(job_queue, outcome_queue, options=options, name=f"audit-worker-{n}")
        for n in range(1, worker_count + 1)
    ]
    for _worker in workers:
        job_queue.put(None)
    for worker in workers:
        worker.start()
    try:
        for _job in jobs:
            yield outcome_queue.get()
    finally:
        # Stop early (the caller broke off): drain the remaining jobs so workers finish.
        while True:
            try:
                job_queue.get_nowait()
            except queue.Empty:
                break
        for _worker in workers:
            job_queue.put(None)
        for worker in workers:
            worker.join(timeout=options.timeout * 2 + 30)
