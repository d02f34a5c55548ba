"""Throw-away databases with names of their own, so the tests, the audit and the bench can share
one PostgreSQL server at the same time without touching each other's databases.

    url = throwaway_database_url(tmp_dir, "bench")   # dropped when this process ends

On PostgreSQL (when `DATABASE_URL` names it) each database is a new one on the same server,
named `<configured name>_<purpose>_<pid>_<random>`; it is dropped when the process exits, also
after Ctrl-C and SIGTERM, and only that database is ever dropped. Otherwise it is an SQLite file
in `tmp_dir` (or in a temporary folder of its own, removed with it). Needs no Django settings.
"""

import atexit
import os
import re
import secrets
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgres://", "postgresql://")
# PostgreSQL cuts identifiers at 63 bytes: the pid and the random part must survive.
MAX_NAME_LENGTH = 63
# How long a drop waits for a connection it may not end: an autovacuum worker, which a role that
# is not a superuser (nor in pg_signal_backend) cannot terminate, busy after a bulk load.
DROP_WAIT_SECONDS = 300

_owned = []  # The databases this process made and has not dropped yet.
_lock = threading.Lock()
_exit_hooks_installed = False
_previous_sigterm = signal.SIG_DFL


class ThrowawayDatabase:
    """One throw-away database: `create()` gives its URL, `drop()` removes it (once)."""

    def __init__(self, purpose, tmp_dir=None, configured_url=None):
        if configured_url is None:
            configured_url = os.environ.get("DATABASE_URL", "")
        self.purpose = _identifier(purpose) or "throwaway"
        self.tmp_dir = tmp_dir
        self.configured_url = configured_url
        self.is_postgres = configured_url.startswith(POSTGRES_SCHEMES)
        self.owner_pid = os.getpid()
        self.name = ""
        self.url = ""
        self._own_dir = None

    def create(self):
        suffix = f"{self.purpose}_{os.getpid()}_{secrets.token_hex(4)}"
        if self.is_postgres:
            parts = urlsplit(self.configured_url)
            prefix = _identifier(parts.path.lstrip("/")) or "db"
            self.name = f"{prefix[: MAX_NAME_LENGTH - len(suffix) - 1]}_{suffix}"
            self._execute(f"CREATE DATABASE {_quoted(self.name)}")
            self.url = urlunsplit(parts._replace(path="/" + self.name))
        else:
            folder = self.tmp_dir
            if folder is None:
                folder = self._own_dir = tempfile.mkdtemp(prefix="throwaway-database-")
            self.name = str(Path(folder) / f"{suffix}.sqlite3")
            Path(self.name).touch(exist_ok=False)  # An empty file is an empty SQLite database.
            self.url = f"sqlite:///{self.name}"
        with _lock:
            _owned.append(self)
        return self.url

    def drop(self):
        """Remove this database (connections to it are closed first); nothing else is touched."""
        with _lock:
            if self not in _owned:
                return
            _owned.remove(self)
        if self.is_postgres:
            self._drop_postgres()
        elif self._own_dir:
            shutil.rmtree(self._own_dir, ignore_errors=True)
        else:
            for path in (self.name, f"{self.name}-journal", f"{self.name}-wal", f"{self.name}-shm"):
                Path(path).unlink(missing_ok=True)

    def _drop_postgres(self, wait_seconds=None, pause=1.0):
        """DROP ... WITH (FORCE), tried again while a connection we may not end holds it."""
        import psycopg

        wait_seconds = DROP_WAIT_SECONDS if wait_seconds is None else wait_seconds
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                self._execute(f"DROP DATABASE IF EXISTS {_quoted(self.name)} WITH (FORCE)")
                return
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                if time.monotonic() >= deadline:
                    raise
                time.sleep(pause)

    def _execute(self, statement):
        import psycopg

        maintenance = urlunsplit(urlsplit(self.configured_url)._replace(path="/postgres"))
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(statement)

    def __enter__(self):
        self.create()
        return self

    def __exit__(self, *exc_info):
        self.drop()


def throwaway_database_url(tmp_dir=None, purpose="throwaway"):
    """A new database's URL; the database is dropped when this process ends."""
    database = ThrowawayDatabase(purpose, tmp_dir)
    _drop_at_exit()
    return database.create()


def drop_owned_databases():
    """Drop every throw-away database this process made (not those of processes it forked)."""
    with _lock:
        mine = [database for database in _owned if database.owner_pid == os.getpid()]
    for database in mine:
        try:
            database.drop()
        except Exception as error:  # noqa: BLE001 - on the way out: say so, drop the others
            print(f"Could not drop the throw-away database {database.name}: {error}")


def _drop_at_exit():
    """On exit and on Ctrl-C (through atexit), and on SIGTERM where the handler is ours to set."""
    global _exit_hooks_installed, _previous_sigterm
    if _exit_hooks_installed:
        return
    _exit_hooks_installed = True
    atexit.register(drop_owned_databases)
    if threading.current_thread() is not threading.main_thread():
        return  # Only the main thread may set signal handlers: atexit must do.
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_IGN:
        _previous_sigterm = previous
        signal.signal(signal.SIGTERM, _on_sigterm)


def _on_sigterm(signum, frame):
    drop_owned_databases()
    if callable(_previous_sigterm):
        _previous_sigterm(signum, frame)
        return
    # Then die of SIGTERM as we would have, so the parent sees how we ended.
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _identifier(text):
    """Lower-case letters, digits and underscores only: safe in a database name."""
    return re.sub(r"[^a-z0-9_]+", "_", str(text).lower()).strip("_")


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'
