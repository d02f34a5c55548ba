"""Audit the demo site in a throw-away database: `make audit` and the audit step of `make test`.

    .venv/bin/python -m config.demo_audit [audit_accessibility options...]

Migrates a fresh database in a temporary folder (or, on PostgreSQL, a new database of a name of its
own on the same server, `config/throwaway_database.py`), loads the demo content into it, then runs
`manage.py audit_accessibility` against it, writing the reports to `var/audit-reports/`.
The developer's own database is never touched. The checks beyond axe run on every page view
(`--checks all` by default; `--checks none` or a comma list chooses). The exit code is the
command's: 0 clean, 1 violations, 2 a page could not be audited (or a check could not run on it,
or the run was interrupted).
SIGTERM and SIGINT are passed on to the command, which closes its run and browsers, so a cancelled
CI job leaves nothing running; the throw-away database is removed after it.
"""

import os
import sys
import tempfile


def main(arguments):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings

    from accessibility.interruption import run_passing_on_stop_signals
    from config.demo_database import prepare_demo_database

    output = settings.VAR_DIR / "audit-reports"
    with tempfile.TemporaryDirectory(prefix="ombudsman-audit-") as tmp_dir:
        print("Preparing a throw-away database with the demo content...", flush=True)
        env = prepare_demo_database(tmp_dir, purpose="audit")
        command = [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "audit_accessibility",
            "--output",
            str(output),
            *arguments,
        ]
        return run_passing_on_stop_signals(command, env=env, cwd=settings.BASE_DIR)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
