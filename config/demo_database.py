"""A throw-away database holding the demo site, for the browser tests' server, `make audit` and
the audit-speed bench; dropped when the process that made it ends (`throwaway_database.py`)."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from config.throwaway_database import throwaway_database_url


def prepare_demo_database(tmp_dir, settings_module="config.settings.test", purpose="demo"):
    """Migrate a fresh database and load the demo content into it; return the server environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": throwaway_database_url(tmp_dir, purpose),
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
