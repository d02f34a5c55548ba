"""Lighthouse's SEO category for a list of URLs, through scripts/lighthouse_seo.mjs."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from accessibility.browser import CHROMIUM_FLAGS

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "lighthouse_seo.mjs"
LIGHTHOUSE = Path(settings.BASE_DIR) / "node_modules" / "lighthouse"


def missing_tools():
    """What is missing to run Lighthouse, as a sentence a developer can act on, else ""."""
    if shutil.which("node") is None:
        return "node is missing: install Node.js 20 (apt-get install -y nodejs npm)."
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed: run `npm ci` (package.json pins it)."
    if not Path(settings.CHROMIUM_BINARY).exists():
        return f"{settings.CHROMIUM_BINARY} is missing: apt-get install -y chromium."
    return ""


def seo_results(urls, timeout=1800):
    """{url: {"score": 0..1, "failures": [...]}} or {url: {"error": "..."}} for each URL."""
    env = {
        **os.environ,
        "CHROME_PATH": settings.CHROMIUM_BINARY,
        "CHROMIUM_FLAGS": " ".join(CHROMIUM_FLAGS),
    }
    completed = subprocess.run(
        ["node", str(SCRIPT), *urls],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    results = {}
    for line in completed.stdout.splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            results[entry.pop("url")] = entry
    if not results:
        raise RuntimeError(f"Lighthouse printed no result:\n{completed.stderr[-3000:]}")
    return results


def describe(url, result):
    if "error" in result:
        return f"{url}: not measured: {result['error']}"
    failing = "; ".join(
        f"{failure['id']} ({failure['title']}): {json.dumps(failure['items'])[:300]}"
        for failure in result["failures"]
    )
    return f"{url}: SEO {result['score']:.2f} {failing}"
