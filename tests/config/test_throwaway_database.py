"""Throw-away databases never meet: each has a name of its own, and dropping one leaves the others
(and the configured database) alone, also when its process ends by exit or SIGTERM.

On SQLite always; on PostgreSQL too when DATABASE_URL names it (as in CI)."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from config.throwaway_database import MAX_NAME_LENGTH, ThrowawayDatabase

CONFIGURED = os.environ.get("DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgres"] if CONFIGURED.startswith(("postgres", "postgresql")) else [])
# A child that makes one throw-away database, prints its URL, then exits or waits to be stopped.
CHILD = """
import sys, time
from config.throwaway_database import throwaway_database_url
print(throwaway_database_url(sys.argv[1] or None, "child"), flush=True)
if sys.argv[2] == "wait":
    time.sleep(60)
"""


def configured_url(backend):
    return CONFIGURED if backend == "postgres" else ""


def exists(url):
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).exists()
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    maintenance = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def write_and_read(url):
    """A table written into the database and read back: the database is whole and usable."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            connection.execute("CREATE TABLE IF NOT EXISTS mark (value TEXT)")
            connection.execute("INSERT INTO mark VALUES ('kept')")
            return [row[0] for row in connection.execute("SELECT value FROM mark")]
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS mark (value text)")
        connection.execute("INSERT INTO mark VALUES ('kept')")
        return [row[0] for row in connection.execute("SELECT value FROM mark")]


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_databases_at_once_are_distinct_and_dropping_one_keeps_the_other(backend, tmp_path):
    first = ThrowawayDatabase("audit", tmp_path, configured_url(backend))
    second = ThrowawayDatabase("audit", tmp_path, configured_url(backend))
    # The configured database need not exist (the suite itself runs in `test_<name>`).
    configured_existed = backend == "postgres" and exists(CONFIGURED)
    with first, second:
        assert first.url != second.url
        assert f"audit_{os.getpid()}_" in first.name
        assert write_and_read(second.url) == ["kept"]
        first.drop()
        assert not exists(first.url)
        assert exists(second.url)
        assert write_and_read(second.url) == ["kept", "kept"]
        first.drop()  # A second drop does nothing, and touches nothing.
        assert exists(second.url)
    assert not exists(second.url)
    if configured_existed:  # The configured database itself is never touched.
        assert exists(CONFIGURED)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_is_dropped_when_its_process_ends_or_is_stopped(backend, tmp_path):
    env = {**os.environ, "DATABASE_URL": configured_url(backend)}
    folder = str(tmp_path) if backend == "sqlite" else ""
    ended = subprocess.run(
        [sys.executable, "-c", CHILD, folder, "exit"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert not exists(ended.stdout.strip())

    waiting = subprocess.Popen(
        [sys.executable, "-c", CHILD, "", "wait"],  # SQLite: a temporary folder of its own.
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
    )
    url = waiting.stdout.readline().strip()
    assert exists(url)
    waiting.send_signal(signal.SIGTERM)
    assert waiting.wait(timeout=30) == -signal.SIGTERM  # It still dies of the signal.
    assert not exists(url)
    if backend == "sqlite":
        assert not Path(url.removeprefix("sqlite:///")).parent.exists()


def test_names_keep_their_unique_part_within_postgres_limits():
    long_name = "postgres://user:pw@127.0.0.1:5432/" + "Ombudsman-Test" * 10
    database = ThrowawayDatabase("e2e run!", configured_url=long_name)
    suffix = f"e2e_run_{os.getpid()}_"
    names = set()
    for _attempt in range(2):
        database._execute = lambda statement: None  # No server needed to name a database.
        database.create()
        names.add(database.name)
        assert len(database.name) <= MAX_NAME_LENGTH
        assert database.name.startswith("ombudsman_test")
        assert suffix in database.name
        assert database.name.replace("_", "").isalnum()
        database.drop()
    assert len(names) == 2


def test_a_drop_waits_for_a_connection_it_may_not_end(monkeypatch):
    """An autovacuum worker in the database (which a role that is not a superuser cannot
    terminate) makes DROP ... WITH (FORCE) fail for a while: the drop tries again."""
    import psycopg

    database = ThrowawayDatabase("wait", configured_url="postgres://u@127.0.0.1/db")
    statements = []
    refusals = [psycopg.errors.InsufficientPrivilege("must be a member of the role")] * 2

    def execute(statement):
        statements.append(statement)
        if refusals:
            raise refusals.pop()

    monkeypatch.setattr(database, "_execute", execute)
    database.name = "db_wait_1_abcd"

    database._drop_postgres(wait_seconds=5, pause=0)

    assert statements == ['DROP DATABASE IF EXISTS "db_wait_1_abcd" WITH (FORCE)'] * 3


def test_a_drop_that_stays_refused_says_so(monkeypatch):
    import psycopg

    database = ThrowawayDatabase("wait", configured_url="postgres://u@127.0.0.1/db")
    database.name = "db_wait_1_abcd"

    def execute(statement):
        raise psycopg.errors.ObjectInUse("being accessed by other users")

    monkeypatch.setattr(database, "_execute", execute)

    with pytest.raises(psycopg.errors.ObjectInUse):
        database._drop_postgres(wait_seconds=0, pause=0)
