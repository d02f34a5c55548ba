"""Fixtures shared by the whole suite."""

import pytest
from django.core.management import call_command

from accessibility.browser import quit_browser, start_chromium
from accessibility.server import SiteServer
from tests.demo_database import prepare_demo_database


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, so
    pages or snippets cached by one test must not be served to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo_content(db):
    """The demo site loaded into this test's database."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo site served by a real server process on 127.0.0.1, shared by the browser tests."""
    tmp_dir = tmp_path_factory.mktemp("demo-site")
    env = prepare_demo_database(tmp_dir)
    with SiteServer(env=env) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session; tests must not rely on state left by others."""
    driver = start_chromium()
    yield driver
    quit_browser(driver)
