"""A pytest plugin offering the `axe_check` and `checks_check` fixtures (load it with
`-p accessibility.pytest_plugin` or `pytest_plugins = ["accessibility.pytest_plugin"]` in a
conftest)."""

import pytest

from .testing import assert_no_axe_violations, assert_no_check_violations


@pytest.fixture
def axe_check():
    """`axe_check(url_or_driver, driver=None)`: fail the test if axe-core finds violations."""
    return assert_no_axe_violations


@pytest.fixture
def checks_check():
    """`checks_check(url_or_driver, driver=None, checks="all")`: fail the test if the checks beyond
    axe find a violation or cannot run (needs-review findings never fail)."""
    return assert_no_check_violations
