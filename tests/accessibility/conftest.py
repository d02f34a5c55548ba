"""Fixtures of the audit engine's tests: the fixture site and quick audit options."""

import pytest

from accessibility.engine import AuditOptions
from accessibility.pytest_plugin import axe_check  # noqa: F401 - the fixture, offered to tests
from accessibility.targets import parse_viewport

from .fixture_site import FixtureSite


@pytest.fixture
def fixture_site():
    site = FixtureSite().start()
    yield site
    site.stop()


@pytest.fixture
def quick_options(fixture_site):
    """One desktop viewport, one worker, a short timeout: enough for a fixture page."""

    def make(**overrides):
        values = {
            "base_url": fixture_site.base_url,
            "viewports": [parse_viewport("1280x800")],
            "workers": 1,
            "timeout": 10,
        }
        values.update(overrides)
        return AuditOptions(**values)

    return make
