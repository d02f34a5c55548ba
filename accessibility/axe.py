"""Run the npm-pinned axe-core in a Selenium-driven page through axe-selenium-python."""

import json

from axe_selenium_python import Axe
from django.conf import settings

from .config import axe_options

# The whole document: axe-selenium-python formats the context with %r.
WHOLE_DOCUMENT = {"exclude": []}


def axe_script_path():
    path = settings.AXE_SCRIPT_PATH
    if not path.exists():
        raise FileNotFoundError(
            f"axe-core is not installed at {path}. Run `npm ci` in the project folder."
        )
    return str(path)


def run_axe(driver, tags=None, include_best_practice=False):
    """Inject axe-core into the page the driver shows and return axe's full results."""
    axe = Axe(driver, script_url=axe_script_path())
    axe.inject()
    # Options go in as JSON: axe-selenium-python formats them with %s, which would
    # turn Python's True into an undefined JavaScript name.
    options = json.dumps(axe_options(tags=tags, include_best_practice=include_best_practice))
    return axe.run(context=WHOLE_DOCUMENT, options=options)


def axe_version(driver):
    return driver.execute_script("return window.axe ? window.axe.version : null;")


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)
