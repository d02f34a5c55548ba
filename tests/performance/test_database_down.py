"""The database down: uncached pages answer 503 with Retry-After on the site's own page (built
without the database), and the site recovers by itself when the database returns."""

import contextlib

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client

from core import routing
from tests.live_site import (
    Gunicorn,
    PostgresServer,
    get,
    postgres_binaries,
    prepare_site,
    site_environment,
    until,
)


def assert_branded_503(status, headers, body, language):
    assert status == 503
    assert int(headers["Retry-After"]) > 0
    assert f'<html lang="{language}"' in body
    assert 'class="skip-link" href="#main"' in body and body.count("<h1>") == 1
    assert "Traceback" not in body


@pytest.mark.django_db
def test_a_lost_database_connection_answers_503_in_the_visitors_language(minimal_site, monkeypatch):
    def database_gone(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(routing, "fast_route", database_gone)
    client = Client(raise_request_exception=False)

    for language in ("az", "en", "ru"):
        response = client.get(f"/{language}/")
        headers = {name: value for name, value in response.items()}
        assert_branded_503(response.status_code, headers, response.content.decode(), language)
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_bug_is_still_a_500(minimal_site, monkeypatch):
    monkeypatch.setattr(routing, "fast_route", lambda *args: 1 / 0)

    response = Client(raise_request_exception=False).get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.fixture(scope="module")
def postgres():
    binaries = postgres_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    server = PostgresServer(binaries).initialise()
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):  # already stopped by a failed test
            server.stop()
        server.remove()


def test_postgresql_stopped_and_started_under_gunicorn(postgres, tmp_path):
    postgres.create_database("site_database_down")
    env = site_environment(tmp_path, postgres.url("site_database_down"))
    prepare_site(env)

    with Gunicorn(env, settings.BASE_DIR, workers=2, log_path=tmp_path / "gunicorn.log") as site:
        assert get(site.base_url + "/az/")[0] == 200
        postgres.stop()
        try:
            # Uncached pages (a search, a page not visited yet) on both workers.
            for number in range(4):
                assert_branded_503(*get(f"{site.base_url}/en/search/?q=rights{number}"), "en")
                assert_branded_503(*get(f"{site.base_url}/ru/?variant={number}"), "ru")
        finally:
            postgres.start()

        # Recovery without a restart: each worker reconnects on its next request.
        assert until(lambda: get(site.base_url + "/en/search/?q=again")[0] == 200, 15)
        for number in range(4):
            assert get(f"{site.base_url}/ru/?after={number}")[0] == 200
