"""Headless Chromium through Selenium, from Debian's packages; nothing is downloaded at run time.

Each local browser gets its own throw-away folder: the profile, and (through XDG_CONFIG_HOME and
XDG_CACHE_HOME) Chromium's crash-report database and caches. So every process of that browser,
crash handler included, names the folder on its command line, and `close_browser` can find and
end all of them, even when ChromeDriver no longer answers.
"""

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.client_config import ClientConfig

from .config import chromedriver_binary, chromium_binary

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
PROFILE_PREFIX = "accessibility-chromium-"
# How long a remote Grid may take to answer before we call it unreachable.
REMOTE_CONNECT_SECONDS = 60
# How long a polite quit may take before the browser's processes are killed.
QUIT_SECONDS = 10


class BrowserUnavailable(RuntimeError):
    """No browser could be started: the message says which and what to do."""


def chromium_options(width=1280, height=800, javascript=True, profile_dir=None):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    if profile_dir:
        options.add_argument(f"--user-data-dir={profile_dir}")
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    return options


def start_chromium(width=1280, height=800, javascript=True, remote_url=None):
    """A fresh browser with its own throw-away profile; call `quit_browser` when done.

    Raises BrowserUnavailable with one actionable sentence when no browser can be started.
    """
    if remote_url:
        return _start_remote(remote_url, chromium_options(width, height, javascript))
    for binary in (chromium_binary(), chromedriver_binary()):
        if not Path(binary).exists():
            raise BrowserUnavailable(
                f"{binary} is missing. Install Debian's packages: "
                "apt-get install -y chromium chromium-driver"
            )
    profile_dir = tempfile.mkdtemp(prefix=PROFILE_PREFIX)
    # An explicit driver path keeps Selenium Manager from trying to download one.
    service = Service(
        executable_path=chromedriver_binary(),
        env={**os.environ, "XDG_CONFIG_HOME": profile_dir, "XDG_CACHE_HOME": profile_dir},
    )
    try:
        driver = webdriver.Chrome(
            service=service, options=chromium_options(width, height, javascript, profile_dir)
        )
    except BaseException as error:  # A signal while it starts too: nothing may be left.
        _kill_processes_naming(profile_dir)
        with contextlib.suppress(Exception):
            service.stop()
        shutil.rmtree(profile_dir, ignore_errors=True)
        if not isinstance(error, Exception):
            raise
        raise BrowserUnavailable(
            f"Chromium ({chromium_binary()}) did not start: {first_line(error)}"
        ) from error
    driver.profile_dir = profile_dir
    return driver


def _start_remote(remote_url, options):
    config = ClientConfig(remote_server_addr=remote_url, timeout=REMOTE_CONNECT_SECONDS)
    try:
        driver = webdriver.Remote(
            command_executor=remote_url, options=options, client_config=config
        )
    except Exception as error:
        raise BrowserUnavailable(
            f"No browser from the remote WebDriver {remote_url}: {first_line(error)}. "
            "Check --remote-url and that the Grid is running."
        ) from error
    driver.profile_dir = None
    return driver


def first_line(error):
    text = (getattr(error, "msg", None) or str(error) or type(error).__name__).strip()
    return text.splitlines()[0] if text else type(error).__name__


def quit_browser(driver):
    """Quit politely; whatever is left of the browser (processes, profile) is removed anyway."""
    try:
        _quit_within(driver, QUIT_SECONDS)
    finally:
        if getattr(driver, "profile_dir", None):
            _end_local_browser(driver)


def close_browser(driver):
    """End the browser at once: kill its processes and its driver, delete its profile folder.

    Safe to call from another thread while the driver is busy, and more than once.
    """
    if getattr(driver, "profile_dir", None):
        _end_local_browser(driver)
    else:  # A remote session: only the Grid can end it.
        _quit_within(driver, QUIT_SECONDS)


def _end_local_browser(driver):
    profile_dir = driver.profile_dir
    _kill_processes_naming(profile_dir)
    service = getattr(driver, "service", None)
    process = getattr(service, "process", None)
    if process is not None and process.poll() is None:
        process.kill()
        with contextlib.suppress(Exception):
            process.wait(timeout=5)
    shutil.rmtree(profile_dir, ignore_errors=True)


def _quit_within(driver, seconds):
    """driver.quit(), given up after `seconds` (a hung browser must not hang the caller)."""
    quitter = threading.Thread(target=_suppressed(driver.quit), daemon=True)
    quitter.start()
    quitter.join(seconds)


def _suppressed(function):
    def call():
        with contextlib.suppress(Exception):
            function()

    return call


def _kill_processes_naming(text):
    """SIGKILL every process whose command line contains `text` (Linux /proc; elsewhere none)."""
    for pid in processes_naming(text):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def processes_naming(text):
    """Ids of the live (not zombie) processes whose command line contains `text`."""
    needle = text.encode()
    found = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "cmdline").read_bytes() and not _is_zombie(entry):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _is_zombie(proc_entry):
    stat = (proc_entry / "stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")
