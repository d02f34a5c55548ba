"""The allowed import directions (import-linter contracts in pyproject.toml) hold: page apps
depend on core and core on none of them, no cycle between apps or between one app's modules,
accessibility imports nothing of the site, application code never imports the tests.
`make lint` runs the same check; this test keeps it in a plain pytest run too."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACT_IDS = ("one-way", "acyclic-modules", "reusable-accessibility", "no-tests-in-code")


def test_every_import_contract_is_kept():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *(f"--contract={id_}" for id_ in CONTRACT_IDS)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACT_IDS)} kept, 0 broken." in result.stdout
