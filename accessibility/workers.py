"""Browser workers: each thread drives one reused headless Chromium through a queue of jobs.

What each failure costs, so that a CI job's time is spent once on each problem:
- an HTTP status other than the expected one is recorded with the status, never retried;
- a page that does not load (or get audited) within the timeout is recorded after that one
  timeout, never retried; its browser is closed and the next page gets a fresh one;
- an address whose kind is unknown (a sitemap's, a `--url`) is asked for its content type first:
  a PDF, an image, JSON or text is recorded as skipped with its type, never loaded as a page;
  the browser's own `document.contentType` is checked too, for servers that answer HEAD wrongly;
- only a browser that crashed or errored is retried, once, in a fresh browser.
Workers never touch the database: they hand outcomes to the caller's thread through a queue.
`WorkerPool.abort()` (on SIGTERM, Ctrl-C...) stops the workers and kills every browser at once.
"""

import contextlib
import queue
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from selenium.common.exceptions import TimeoutException, WebDriverException

from . import responses
from .axe import AxeError, run_axe
from .browser import close_browser, quit_browser, start_chromium
from .checks.runner import context_for, run_checks

NAVIGATION_STATUS_SCRIPT = (
    "var entry = performance.getEntriesByType('navigation')[0];"
    "return entry && entry.responseStatus ? entry.responseStatus : null;"
)
CONTENT_TYPE_SCRIPT = "return document.contentType;"
# How long an aborted worker may take to notice that its browser is gone.
ABORT_JOIN_SECONDS = 15


class PageNotAuditable(RuntimeError):
    """The address answered, but not with the expected HTTP status."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


class Cancelled(Exception):
    """The pool was aborted while this worker was busy."""


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
    # Set when the address is not an HTML page: its media type ("application/pdf").
    skipped_content_type: str = ""
    # What the checks beyond axe found (checks.runner.CheckResults), None when none ran.
    checks: object = None


def default_browser_factory(remote_url=None):
    return start_chromium(remote_url=remote_url)


class BrowserWorker(threading.Thread):
    """Takes jobs from `jobs` until it finds None; puts one Outcome per job on `outcomes`."""

    def __init__(self, jobs, outcomes, *, options, name, driver=None):
        super().__init__(name=name, daemon=True)
        self.jobs = jobs
        self.outcomes = outcomes
        self.options = options
        self.lock = threading.Lock()
        self.cancelled = threading.Event()
        self.driver = None
        self.window_size = None
        self.cookies = None
        if driver is not None:
            self.adopt(driver)

    def run(self):
        try:
            while not self.cancelled.is_set():
                job = self.jobs.get()
                if job is None:
                    return
                outcome = self.audit_with_retry(job)
                if self.cancelled.is_set():
                    return
                self.outcomes.put(outcome)
        finally:
            self.discard_browser(polite=not self.cancelled.is_set())

    def cancel(self):
        """Stop after the current job, and end its browser now (from another thread)."""
        self.cancelled.set()
        self.discard_browser()

    def audit_with_retry(self, job):
        started = time.monotonic()
        errors = []
        status = None
        for attempt in range(1, self.options.attempts + 1):
            try:
                return self.audit(job, started, attempt)
            except PageNotAuditable as error:
                errors.append(str(error))
                status = error.status
                break  # The server said so: asking again would say the same.
            except (TimeoutException, responses.NoAnswerInTime, AxeError) as error:
                errors.append(describe_error(error, self.options.timeout))
                self.discard_browser()  # It may still be loading: the next page gets a fresh one.
                break
            except Exception as error:  # noqa: BLE001 - a crash is retried, then recorded
                if self.cancelled.is_set():
                    break
                errors.append(describe_error(error, self.options.timeout))
                self.discard_browser()  # The next attempt gets a fresh browser.
        if len(errors) == 1:
            message = errors[0]
        else:
            message = " / ".join(f"attempt {n}: {text}" for n, text in enumerate(errors, 1))
        return Outcome(
            job=job,
            error=message,
            attempts=len(errors),
            duration_seconds=time.monotonic() - started,
            http_status=status,
        )

    def audit(self, job, started, attempt):
        def outcome(**values):
            return Outcome(
                job=job, attempts=attempt, duration_seconds=time.monotonic() - started, **values
            )

        if not job.target.page_type:  # Its kind is unknown: ask the server before rendering.
            answer = responses.ask(job.url, self.options.timeout)
            if answer is not None:
                self.check_status(job, answer.status)
                if not answer.is_html:
                    return outcome(
                        http_status=answer.status, skipped_content_type=answer.content_type
                    )
        driver = self.browser()
        self.set_viewport(driver, job.viewport)
        self.set_cookies(driver, job)
        driver.get(job.url)
        status = driver.execute_script(NAVIGATION_STATUS_SCRIPT)
        self.check_status(job, status)
        content_type = responses.media_type(driver.execute_script(CONTENT_TYPE_SCRIPT))
        if content_type and content_type not in responses.HTML_TYPES:
            return outcome(http_status=status, skipped_content_type=content_type)
        results = run_axe(
            driver,
            tags=self.options.tags,
            include_best_practice=self.options.include_best_practice,
        )
        checks = None
        if self.options.checks:  # After axe, on the same page: axe changes nothing on it.
            context = context_for(
                driver, job.url, self.options.base_url, job.viewport.label, self.options.timeout
            )
            checks = run_checks(driver, context, self.options.checks)
        return outcome(
            results=results,
            http_status=status,
            axe_version=results.get("testEngine", {}).get("version", ""),
            checks=checks,
        )

    def check_status(self, job, status):
        if status is not None and status != job.target.expected_status:
            raise PageNotAuditable(
                f"HTTP status {status} where {job.target.expected_status} was expected", status
            )

    def adopt(self, driver):
        driver.set_page_load_timeout(self.options.timeout)
        driver.set_script_timeout(self.options.timeout)
        with self.lock:
            self.driver = driver
        self.window_size = None
        self.cookies = None

    def browser(self):
        if self.driver is None:
            driver = self.options.browser_factory(remote_url=self.options.remote_url)
            if self.cancelled.is_set():  # Aborted while it started: it must not outlive us.
                close_browser(driver)
                raise Cancelled
            self.adopt(driver)
            if self.cancelled.is_set():
                self.discard_browser()
                raise Cancelled
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

    def discard_browser(self, polite=False):
        """Close the browser: politely at the end of the work, else at once (it crashed, hung,
        or the run was aborted); its processes and profile folder are removed either way."""
        with self.lock:
            driver, self.driver = self.driver, None
        if driver is not None:
            with contextlib.suppress(Exception):
                (quit_browser if polite else close_browser)(driver)


def describe_error(error, timeout=None):
    if isinstance(error, TimeoutException | responses.NoAnswerInTime):
        within = f" within {timeout:g} s" if timeout else " in time"
        return f"the page did not finish loading or being audited{within}"
    if isinstance(error, WebDriverException):
        first_line = (error.msg or str(error)).strip().splitlines()
        return f"browser error: {first_line[0] if first_line else type(error).__name__}"
    return f"{type(error).__name__}: {error}"


class WorkerPool:
    """`options.workers` BrowserWorkers over `jobs`; a context manager.

    Leaving the `with` block normally lets the workers finish; leaving it by an exception
    (a signal, Ctrl-C, an error of the caller) aborts them and kills their browsers.
    """

    def __init__(self, jobs, options, first_driver=None):
        self.jobs = jobs
        self.options = options
        self.job_queue, self.outcome_queue = queue.Queue(), queue.Queue()
        for job in jobs:
            self.job_queue.put(job)
        count = max(1, min(options.workers, len(jobs)))
        self.workers = [
            BrowserWorker(
                self.job_queue,
                self.outcome_queue,
                options=options,
                name=f"audit-worker-{n}",
                driver=first_driver if n == 1 else None,
            )
            for n in range(1, count + 1)
        ]
        for _worker in self.workers:
            self.job_queue.put(None)

    def __enter__(self):
        for worker in self.workers:
            worker.start()
        return self

    def outcomes(self):
        """Each job's Outcome as soon as it arrives."""
        for _job in self.jobs:
            while True:
                try:
                    yield self.outcome_queue.get(timeout=0.5)
                    break
                except queue.Empty:
                    stopped = not any(worker.is_alive() for worker in self.workers)
                    if stopped and self.outcome_queue.empty():
                        raise RuntimeError("every audit worker stopped early") from None

    def __exit__(self, exc_type, exc, traceback):
        if exc_type is None:
            for worker in self.workers:
                worker.join()
        else:
            self.abort()

    def abort(self):
        for worker in self.workers:
            worker.cancel()
        # Cancel all first, then wait: each notices at once that its browser is gone.
        for worker in self.workers:
            if worker.is_alive():
                worker.join(timeout=ABORT_JOIN_SECONDS)
        for worker in self.workers:
            worker.discard_browser()  # One may have started a browser while we waited.


def run_jobs(jobs, options, first_driver=None):
    """Audit `jobs` with `options.workers` threads; yield each Outcome as soon as it arrives."""
    with WorkerPool(jobs, options, first_driver) as pool:
        yield from pool.outcomes()
