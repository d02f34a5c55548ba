"""pip-audit on the locked Python requirements, read into findings.

pip-audit asks its vulnerability service about each pinned package. It reports a package the
service does not know as skipped, and exits 0 with "No known vulnerabilities found" even when it
skipped every package; such a run has audited nothing, and is reported as unreachable data.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from dependency_audit.findings import AuditResult, Finding

NETWORK_FAILURE_MARKERS = (
    "ConnectionError",
    "ConnectTimeout",
    "ReadTimeout",
    "Max retries exceeded",
    "Failed to establish a new connection",
    "Could not connect",
    "Name or service not known",
    "Temporary failure in name resolution",
    "HTTPError",
    "ServiceError",
)


def pip_audit_command(requirements, output, osv_url=None, timeout=15):
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(requirements),
        # A lock pins every package: nothing to resolve, no pip run, no install.
        "--no-deps",
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--output",
        str(output),
        "--timeout",
        str(timeout),
    ]
    if osv_url:
        command += ["--vulnerability-service", "osv", "--osv-url", osv_url]
    return command


def audit_python(requirements, osv_url=None, timeout=15):
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "pip-audit.json"
        completed = subprocess.run(
            pip_audit_command(requirements, output, osv_url, timeout),
            capture_output=True,
            text=True,
            timeout=600,
        )
        report = output.read_text() if output.exists() else ""
    return read_pip_audit(report, completed.returncode, completed.stderr)


def read_pip_audit(report, returncode, stderr):
    """Findings from pip-audit's JSON report (`--format json`), its exit code and stderr."""
    result = AuditResult(tool="pip-audit")
    if not report.strip():
        last_line = (stderr.strip().splitlines() or ["no output"])[-1]
        if any(marker in stderr for marker in NETWORK_FAILURE_MARKERS):
            result.unreachable = f"the vulnerability service could not be reached ({last_line})"
        else:
            result.error = f"pip-audit failed with exit code {returncode}: {last_line}"
        return result
    dependencies = json.loads(report).get("dependencies", [])
    skipped = [entry for entry in dependencies if entry.get("skip_reason")]
    audited = [entry for entry in dependencies if not entry.get("skip_reason")]
    result.audited = len(audited)
    if dependencies and not audited:
        result.unreachable = (
            f"the vulnerability service answered for none of the {len(dependencies)} packages "
            f"(pip-audit: {skipped[0]['skip_reason']})"
        )
        return result
    if skipped:
        names = ", ".join(f"{entry['name']}" for entry in skipped)
        result.error = f"{len(skipped)} package(s) could not be audited: {names}"
    for entry in audited:
        for vulnerability in entry.get("vulns", []):
            result.findings.append(
                Finding(
                    ecosystem="python",
                    package=entry["name"],
                    version=entry.get("version", ""),
                    id=vulnerability["id"],
                    aliases=tuple(vulnerability.get("aliases", [])),
                    summary=vulnerability.get("description") or "",
                    fixed_in=", ".join(vulnerability.get("fix_versions", [])),
                )
            )
    return result
