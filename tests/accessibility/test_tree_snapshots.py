"""Accessibility-tree snapshots: each page type of the demo, as a screen reader gets it, reviewed.

Every page type (and search results, display preferences, the 404 page) in az, en and ru is
compared with its file in `snapshots/`. A difference fails with a unified diff; after reviewing
it, accept the new trees with:

    UPDATE_TREE_SNAPSHOTS=1 .venv/bin/pytest tests/accessibility/test_tree_snapshots.py

which rewrites the files (and deletes those of page types that are gone) for `git diff`.
"""

import difflib
import os
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from accessibility.tree_snapshot import accessibility_tree_snapshot, snapshot_text
from tests.frontend.browsing import discover_targets, set_viewport, use_preferences

pytestmark = pytest.mark.browser

SNAPSHOT_DIR = Path(__file__).parent / "snapshots"
UPDATE_VARIABLE = "UPDATE_TREE_SNAPSHOTS"
THIS_FILE = "tests/accessibility/test_tree_snapshots.py"
WIDTH = 1280
# Readable file names for the page types discovery names by model.
FILE_NAMES = {
    "homepage": "home",
    "newsindexpage": "news-index",
    "newspage": "news-article",
    "standardpage": "standard-page",
    "faqpage": "faq",
    "contactpage": "contact",
    "officeindexpage": "offices",
    "officepage": "office",
    "publicationindexpage": "publications",
    "publicationpage": "publication",
    "complaintpage": "complaint-form",
    "accessibilitystatementpage": "accessibility-statement",
    "page not found": "not-found",
}
# Names that change from run to run without any change to the site (none yet: dates shown are
# the content's own and view counts are not in the tree). Each: (pattern, replacement).
VOLATILE = ()


# Search results depend on the search backend: PostgreSQL stems each language and ranks its own
# way, SQLite's full-text search does not, so these pages' reviewed trees are kept per database
# ("search-results.en.postgresql.txt" beside "search-results.en.txt" for SQLite).
DATABASE_SPECIFIC = ("search-results",)
DATABASE_SUFFIXES = {"postgresql": ".postgresql"}


def database_suffix():
    from django.db import connection

    return DATABASE_SUFFIXES.get(connection.vendor, "")


def file_name(target):
    name = FILE_NAMES.get(target.name) or re.sub(r"[^a-z0-9]+", "-", target.name.lower())
    suffix = database_suffix() if name in DATABASE_SPECIFIC else ""
    return f"{name}.{target.language}{suffix}.txt"


def this_databases_files():
    """The snapshot files this database's run compares (not another database's)."""
    ours = database_suffix()

    def belongs_here(path):
        name = path.name[: -len(".txt")]
        for suffix in DATABASE_SUFFIXES.values():
            if name.endswith(suffix):
                return suffix == ours
        # No database in its name: shared, or (for a database-specific page) SQLite's.
        return not ours or name.split(".")[0] not in DATABASE_SPECIFIC

    return [path for path in SNAPSHOT_DIR.glob("*.txt") if belongs_here(path)]


def unified_diff(expected, actual, name):
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"snapshots/{name} (reviewed)",
            tofile=f"snapshots/{name} (now)",
        )
    )


def test_accessibility_trees_match_the_reviewed_snapshots(demo_server, browser):
    targets = discover_targets(demo_server)
    updating = os.environ.get(UPDATE_VARIABLE) == "1"
    use_preferences(browser, demo_server.base_url)
    set_viewport(browser, WIDTH)
    snapshots = {}
    try:
        for target in targets:
            browser.get(urljoin(demo_server.base_url, target.path))
            snapshots[file_name(target)] = accessibility_tree_snapshot(browser, VOLATILE)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert len(snapshots) == len(targets), "Two page types share a snapshot file name."
    if updating:
        write_snapshots(snapshots)
        return
    problems = []
    for name, actual in sorted(snapshots.items()):
        path = SNAPSHOT_DIR / name
        if not path.exists():
            problems.append(f"snapshots/{name} does not exist yet; the tree now:\n{actual}")
        elif (expected := path.read_text(encoding="utf-8")) != actual:
            problems.append(unified_diff(expected, actual, name))
    stale = sorted(path.name for path in this_databases_files() if path.name not in snapshots)
    problems.extend(f"snapshots/{name}: no such page type in the demo any more" for name in stale)
    assert not problems, (
        f"{len(problems)} accessibility tree(s) changed. Review the differences; to accept them "
        f"run {UPDATE_VARIABLE}=1 .venv/bin/pytest {THIS_FILE}\n\n" + "\n".join(problems)
    )


def write_snapshots(snapshots):
    SNAPSHOT_DIR.mkdir(exist_ok=True)
    for path in this_databases_files():
        if path.name not in snapshots:
            path.unlink()
    for name, text in snapshots.items():
        (SNAPSHOT_DIR / name).write_text(text, encoding="utf-8")


def test_the_snapshot_keeps_landmarks_headings_and_controls_and_drops_the_rest():
    """The normalisation on a hand-made tree: ignored nodes lifted, text and ids dropped."""
    nodes = [
        node(1, "RootWebArea", "Page", [2, 3]),
        node(2, "banner", "", [4]),
        node(3, "generic", "", [5, 6, 7], ignored=True),
        node(4, "link", "Skip\n  to  main", []),
        node(5, "heading", "Title", [8], properties={"level": 2}),
        node(6, "textbox", "Name", [], properties={"required": True, "invalid": "false"}),
        node(7, "region", "", [9]),
        node(8, "StaticText", "Title", []),
        node(9, "button", "Read 601 times", []),
    ]
    volatile = [(re.compile(r"\d+"), "N")]
    assert snapshot_text(nodes, volatile) == (
        'RootWebArea "Page"\n'
        '  banner ""\n'
        '    link "Skip to main"\n'
        '  heading "Title" level=2\n'
        '  textbox "Name" required\n'
        '  button "Read N times"\n'
    )


def node(node_id, role, name, children, ignored=False, properties=None):
    return {
        "nodeId": str(node_id),
        "ignored": ignored,
        "role": {"type": "role", "value": role},
        "name": {"type": "computedString", "value": name},
        "childIds": [str(child) for child in children],
        "properties": [
            {"name": key, "value": {"type": "x", "value": value}}
            for key, value in (properties or {}).items()
        ],
    }


def test_a_changed_tree_is_shown_as_a_unified_diff_of_the_file():
    diff = unified_diff(
        'main ""\n  heading "Old" level=1\n', 'main ""\n  heading "New" level=1\n', "x.txt"
    )
    assert diff.splitlines()[:2] == [
        "--- snapshots/x.txt (reviewed)",
        "+++ snapshots/x.txt (now)",
    ]
    assert '-  heading "Old" level=1' in diff.splitlines()
    assert '+  heading "New" level=1' in diff.splitlines()
