"""Fixtures shared by the whole suite."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory

from accessibility.browser import quit_browser, start_chromium
from accessibility.server import SiteServer
from config.demo_database import prepare_demo_database
from staff.testing import verify_session

# The minimal second site has settings of its own: `make test` runs it in a pytest of its own.
collect_ignore = ["minimal_site"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, so
    pages or snippets cached by one test must not be served to the next."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["renditions"].clear()  # a rendition of a rolled-back image must not outlive it


@pytest.fixture(autouse=True)
def forget_counted_visitors():
    """The view counter's memory of this process (visitors noted, visitors written this hour) is
    emptied before and after each test, as the cache is: ids of rolled-back pages are reused."""
    from news.counter import pending_visits

    pending_visits.reset()
    yield
    pending_visits.reset()


@pytest.fixture(autouse=True)
def force_login_passes_two_factor(request, monkeypatch):
    """`Client.force_login` gives a session that has passed two-step verification too, as the
    admin requires of superusers (staff/middleware.py); tests marked `password_only_login`
    keep Django's own, and `client.login()` always signs in with the password alone."""
    if request.node.get_closest_marker("password_only_login"):
        return
    django_force_login = Client.force_login

    def force_login(self, user, backend=None):
        django_force_login(self, user, backend)
        verify_session(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def client_login_gives_a_request(monkeypatch):
    """`Client.login()` signs in the way the sign-in form does, with a request: django-axes'
    backend throttles per request and refuses `authenticate()` without one."""
    django_login = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/admin/login/"))
        return django_login(self, **credentials)

    monkeypatch.setattr(Client, "login", login)


@pytest.fixture(scope="module")
def demo_content_for_module(django_db_setup, django_db_blocker):
    """The demo site, loaded once per test module inside a transaction rolled back at its end.

    Loading the whole trilingual demo takes seconds; each test's own transaction (the `db`
    fixture) is a savepoint inside this one, so tests still cannot see each other's changes.
    """
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            call_command("load_demo_content", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)


@pytest.fixture
def demo_content(demo_content_for_module, db):
    """The demo site in this test's database (see `demo_content_for_module`)."""


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


@pytest.fixture(scope="session")
def browser_without_javascript():
    """A second headless Chromium with JavaScript switched off, for the same session."""
    driver = start_chromium(javascript=False)
    yield driver
    quit_browser(driver)
