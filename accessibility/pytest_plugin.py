"""A pytest plugin offering the `axe_check` fixture (load it with `-p accessibility.pytest_plugin`
or `pytest_plugins = ["accessibility.pytest_plugin"]` in a conftest)."""

import pytest

from .testing import assert_no_axe_violations


@pytest.fixture
def axe_check():
    """`axe_check(url_or_driver, driver=None)`: fail the test if axe-core finds violations."""
    return assert_no_axe_violations
