"""A throw-away database holding the demo site, for tests that drive a real server and browser."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def throwaway_database_url(tmp_dir):
    """SQLite in `tmp_dir`, or, on PostgreSQL, a sibling database named <name>_e2e."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{Path(tmp_dir) / 'e2e.sqlite3'}"
    parts = urlsplit(configured)
    name = parts.path.lstrip("/") + "_e2e"
    _recreate_postgres_database(parts, name)
    return urlunsplit(parts._replace(path="/" + name))


def _recreate_postgres_database(parts, name):
    import psycopg

    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare_demo_database(tmp_dir, settings_module="config.settings.test"):
    """Migrate a fresh database and load the demo content into it; return the server environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": throwaway_database_url(tmp_dir),
        "VAR_DIR": str(tmp_dir),
        "DEMO_ADMIN_PASSWORD": "demo-admin-password",
    }
    manage = str(Path(settings.BASE_DIR) / "manage.py")
    for command in (["migrate", "--noinput", "-v0"], ["load_demo_content"]):
        subprocess.run(
            [sys.executable, manage, *command],
            env=env,
            check=True,
            cwd=settings.BASE_DIR,
            capture_output=True,
        )
    return env
