"""npm audit on package-lock.json, read into findings.

npm audit posts the locked package names and versions to the registry's advisories endpoint;
when that endpoint refuses or cannot be reached, npm prints an error object instead of a report.
"""

import json
import re
import shutil
import subprocess

from dependency_audit.findings import AuditResult, Finding

ADVISORY_ID = re.compile(r"GHSA(-[23456789cfghjmpqrvwx]{4}){3}")
NETWORK_ERROR_CODES = {"ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EAI_AGAIN"}


def npm_audit_command(registry=None):
    command = ["npm", "audit", "--package-lock-only", "--json", "--no-fund", "--no-progress"]
    if registry:
        command += ["--registry", registry]
    return command


def audit_npm(project_dir, registry=None):
    if shutil.which("npm") is None:
        return AuditResult(tool="npm audit", error="npm is missing: install Node.js 20 and npm")
    if not (project_dir / "package-lock.json").exists():
        return AuditResult(tool="npm audit", error=f"no package-lock.json in {project_dir}")
    completed = subprocess.run(
        npm_audit_command(registry),
        cwd=project_dir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return read_npm_audit(completed.stdout, completed.returncode, completed.stderr)


def read_npm_audit(report, returncode, stderr):
    """Findings from `npm audit --json` output (report format 2), its exit code and stderr."""
    result = AuditResult(tool="npm audit")
    try:
        data = json.loads(report) if report.strip() else {}
    except json.JSONDecodeError:
        data = {}
    if "vulnerabilities" not in data:
        message = data.get("message") or (stderr.strip().splitlines() or ["no report"])[-1]
        code = str(data.get("code") or data.get("error", {}).get("code") or "")
        status = data.get("statusCode")
        if status or code in NETWORK_ERROR_CODES or "audit endpoint" in stderr:
            result.unreachable = f"the advisories endpoint did not answer ({message})"
        else:
            result.error = f"npm audit failed with exit code {returncode}: {message}"
        return result
    totals = data.get("metadata", {}).get("dependencies", {})
    result.audited = totals.get("total", 0) if isinstance(totals, dict) else 0
    for name, vulnerability in data["vulnerabilities"].items():
        for via in vulnerability.get("via", []):
            # A string names a vulnerable dependency, reported under its own name as well.
            if isinstance(via, dict):
                result.findings.append(finding_from_advisory(name, vulnerability, via))
    return result


def finding_from_advisory(name, vulnerability, advisory):
    found = ADVISORY_ID.search(advisory.get("url", ""))
    numeric = str(advisory.get("source", ""))
    advisory_id = found.group(0) if found else f"npm-{numeric}"
    aliases = (f"npm-{numeric}",) if found and numeric else ()
    fix = vulnerability.get("fixAvailable")
    return Finding(
        ecosystem="npm",
        package=advisory.get("name", name),
        version=vulnerability.get("range") or advisory.get("range", ""),
        id=advisory_id,
        aliases=aliases,
        summary=advisory.get("title", ""),
        fixed_in=fix.get("version", "") if isinstance(fix, dict) else "",
    )
