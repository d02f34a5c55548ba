"""Headless Chromium through Selenium, from Debian's packages; nothing is downloaded at run time."""

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

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


class BrowserUnavailable(RuntimeError):
    pass


def chromium_options(width=1280, height=800, javascript=True, profile_dir=None):
    options = webdriver.ChromeOptions()
    options.binary_location = settings.CHROMIUM_BINARY
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
    """A fresh browser with its own throw-away profile; call `quit_browser` when done."""
    if remote_url:
        driver = webdriver.Remote(
            command_executor=remote_url,
            options=chromium_options(width, height, javascript),
        )
        driver.profile_dir = None
        return driver
    for binary in (settings.CHROMIUM_BINARY, settings.CHROMEDRIVER_BINARY):
        if not Path(binary).exists():
            raise BrowserUnavailable(
                f"{binary} is missing. Install Debian's packages: "
                "apt-get install -y chromium chromium-driver"
            )
    profile_dir = tempfile.mkdtemp(prefix="ombudsman-chromium-")
    # An explicit driver path keeps Selenium Manager from trying to download one.
    service = Service(executable_path=settings.CHROMEDRIVER_BINARY)
    driver = webdriver.Chrome(
        service=service, options=chromium_options(width, height, javascript, profile_dir)
    )
    driver.profile_dir = profile_dir
    return driver


def quit_browser(driver):
    try:
        driver.quit()
    finally:
        if getattr(driver, "profile_dir", None):
            shutil.rmtree(driver.profile_dir, ignore_errors=True)
