"""Fixtures of the front-end browser tests: the pages to visit and a browser without JavaScript."""

import pytest

from tests.frontend.browsing import discover_targets
from tests.frontend.csp import RECORD_VIOLATIONS


@pytest.fixture(scope="session")
def demo_targets(demo_server):
    """One page of every page type live in the demo site, in each language, plus the views."""
    targets = discover_targets(demo_server)
    assert targets, "The demo site has no live pages: did load_demo_content run?"
    return targets


@pytest.fixture
def violation_recorder(browser):
    """The shared browser, recording CSP violations of every page it loads (frontend/csp.py)."""
    added = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS}
    )
    yield browser
    browser.execute_cdp_cmd(
        "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
    )
