"""The two dependency sets: production (what the running site needs, audits included) and
development (production plus test and lint tools), each declared in a .in file and locked."""

import re
from pathlib import Path

from django.conf import settings

REQUIREMENTS = Path(settings.BASE_DIR) / "requirements"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)$")
TEST_AND_LINT_TOOLS = {"pytest-django", "pytest-xdist", "ruff", "pip-audit", "import-linter"}


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path):
    """{normalised package name: version} of every pin in a requirements file."""
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-r "):
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: {line!r} is not an exact pin"
        found[normalised(match[1])] = match[2]
    return found


def test_each_lock_holds_every_top_level_pin_of_its_set():
    production, development = (
        pins(REQUIREMENTS / "production.txt"),
        pins(REQUIREMENTS / "development.txt"),
    )
    for name, version in pins(REQUIREMENTS / "production.in").items():
        assert production.get(name) == version, name
    for name, version in pins(REQUIREMENTS / "development.in").items():
        assert development.get(name) == version, name
    # The development set is the production set plus tools: the same versions where both have it.
    assert {name: development.get(name) for name in production} == production


def test_production_ships_no_test_or_lint_tool_but_keeps_the_audit():
    production = pins(REQUIREMENTS / "production.txt")
    assert not TEST_AND_LINT_TOOLS & set(production)
    # Audits run in production (from the admin, after publishing): their browser bindings stay.
    assert {"selenium", "axe-selenium-python"} <= set(production)
    assert "-r production.in" in (REQUIREMENTS / "development.in").read_text()
    development = pins(REQUIREMENTS / "development.txt")
    assert set(development) >= TEST_AND_LINT_TOOLS
    assert "djhtml" not in development  # Pinned once, never run: removed.


def test_make_installs_the_development_set():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert "pip install --quiet --disable-pip-version-check -r requirements/development.txt" in (
        makefile
    )
    assert not (Path(settings.BASE_DIR) / "requirements.txt").exists()
