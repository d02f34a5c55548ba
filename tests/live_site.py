"""Servers a fault test starts, breaks and restarts itself: Redis, PostgreSQL, and the site under
gunicorn with two workers, each on a free loopback port, stopped at the end of the test."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from accessibility.server import free_loopback_port
from bench.faults import RedisServer, until
from bench.load import Gunicorn

READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def manage(env, *arguments, code=None):
    """Run `manage.py` (or `manage.py shell -c code`) as a separate process: another editor."""
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
    if code is not None:
        command += ["shell", "--no-imports", "-c", code]
    completed = subprocess.run(
        command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:])} failed:\n{completed.stderr[-3000:]}")
    return completed.stdout


def site_environment(var_dir, database_url, **extra):
    """The test settings (DEBUG off) with the given database and extra variables."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_ENABLED": "true",
    }
    env.pop("REDIS_URL", None)
    env.update({name: str(value) for name, value in extra.items()})
    return env


MINIMAL_CONTENT = """
from bench.content import build_minimal_site, create_articles, ensure_news_index
build_minimal_site()
create_articles(ensure_news_index("az"), 3, images=1)
"""


def prepare_site(env):
    """Migrate the database and add the home pages, the hotline and three articles."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, code=MINIMAL_CONTENT)


def get(url, headers=None, timeout=10):
    """(status, headers, body) of a GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"User-Agent": READER_AGENT, **(headers or {})})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


def postgres_binaries():
    """The directory of PostgreSQL's server programs, or None where they are not installed."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


class PostgresServer:
    """A PostgreSQL cluster of our own in a fresh temporary directory, on a free loopback port.

    PostgreSQL refuses to run as root: as root, its programs run as the `postgres` system user,
    which owns the directory."""

    USER = "postgres"

    def __init__(self, binaries):
        self.directory = Path(tempfile.mkdtemp(prefix="fault-test-postgres-"))
        self.binaries = binaries
        self.port = free_loopback_port()
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", self.USER, "--"]
            shutil.chown(self.directory, user=self.USER)

    def url(self, name):
        return f"postgres://{self.USER}@127.0.0.1:{self.port}/{name}"

    def run(self, program, *arguments):
        subprocess.run(
            [*self.as_user, str(self.binaries / program), *arguments],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def initialise(self):
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.USER)
        return self

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name):
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')


__all__ = [
    "Gunicorn",
    "PostgresServer",
    "RedisServer",
    "get",
    "manage",
    "prepare_site",
    "until",
]
