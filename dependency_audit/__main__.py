"""`python -m dependency_audit`: the known-vulnerability gate of `make test`.

Exit codes: 0 no known vulnerability outside the allowlist (or the vulnerability data could not
be reached, said plainly, unless --require-data); 1 a known vulnerability is not accepted, or an
audit broke; 2 the allowlist cannot be read.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

from dependency_audit.allowlist import AllowlistError, judge, load_allowlist
from dependency_audit.npm_audit import audit_npm
from dependency_audit.python_audit import audit_python

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The production set and the development set (production plus test and lint tools).
LOCKS = (
    PROJECT_DIR / "requirements" / "production.txt",
    PROJECT_DIR / "requirements" / "development.txt",
)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m dependency_audit", description=__doc__)
    parser.add_argument(
        "--requirements",
        type=Path,
        action="append",
        help="a locked requirements file; repeat for several (default: both locks, "
        + " and ".join(str(path.relative_to(PROJECT_DIR)) for path in LOCKS)
        + ")",
    )
    parser.add_argument("--npm-project", type=Path, default=PROJECT_DIR)
    parser.add_argument(
        "--allowlist", type=Path, default=PROJECT_DIR / "vulnerability-allowlist.json"
    )
    parser.add_argument(
        "--osv-url",
        default=os.environ.get("VULNERABILITY_OSV_URL", ""),
        help="ask this OSV API (e.g. a mirror) instead of the package index's own data",
    )
    parser.add_argument(
        "--npm-registry",
        default=os.environ.get("VULNERABILITY_NPM_REGISTRY", ""),
        help="registry whose advisories endpoint npm audit asks (default: npm's configured one)",
    )
    parser.add_argument(
        "--require-data",
        action="store_true",
        default=os.environ.get("VULNERABILITY_GATE_REQUIRE_DATA", "") in ("1", "true", "yes"),
        help="fail when the vulnerability data cannot be reached instead of skipping the gate",
    )
    parser.add_argument("--skip-npm", action="store_true", help="audit the Python packages only")
    parser.add_argument("--skip-python", action="store_true", help="audit the npm packages only")
    arguments = parser.parse_args(argv)
    arguments.requirements = arguments.requirements or list(LOCKS)
    return arguments


def lock_name(path):
    """`requirements/production.txt` for the project's own locks, the path as given otherwise."""
    try:
        return str(path.resolve().relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)


def run_audits(arguments):
    results = []
    if not arguments.skip_python:
        for requirements in arguments.requirements:
            result = audit_python(requirements, osv_url=arguments.osv_url or None)
            result.tool = f"{result.tool} ({lock_name(requirements)})"
            results.append(result)
    if not arguments.skip_npm:
        results.append(audit_npm(arguments.npm_project, registry=arguments.npm_registry or None))
    return results


def report(results, acceptances, today, require_data, out):
    """Print what each audit found; return the exit code."""
    failed = False
    unreachable = []
    for result in results:
        if result.unreachable:
            print(f"{result.tool}: vulnerability data unreachable: {result.unreachable}", file=out)
            unreachable.append(result.tool)
            continue
        if result.error:
            print(f"{result.tool}: FAILED: {result.error}", file=out)
            failed = True
        accepted, refused = judge(result.findings, acceptances, today)
        print(
            f"{result.tool}: {result.audited} packages audited, "
            f"{len(result.findings)} known vulnerabilities, {len(refused)} not accepted",
            file=out,
        )
        for finding, note in refused:
            print(f"  VULNERABLE {finding.describe()} [{note}]", file=out)
        for finding, note in accepted:
            print(f"  accepted   {finding.describe()} [{note}]", file=out)
        failed = failed or bool(refused)
    if failed:
        print(
            "Vulnerability gate FAILED: upgrade the package to a fixed version, or accept the "
            "vulnerability in vulnerability-allowlist.json with a reason and an expiry date.",
            file=out,
        )
        return 1
    if unreachable:
        print(
            f"vulnerability data unreachable: gate not run for {', '.join(unreachable)}", file=out
        )
        return 1 if require_data else 0
    print("Vulnerability gate passed.", file=out)
    return 0


def main(argv=None, out=sys.stdout, today=None):
    arguments = parse_arguments(argv)
    try:
        acceptances = load_allowlist(arguments.allowlist)
    except AllowlistError as error:
        print(f"Vulnerability gate cannot run: {error}", file=out)
        return 2
    results = run_audits(arguments)
    return report(results, acceptances, today or datetime.date.today(), arguments.require_data, out)


if __name__ == "__main__":
    sys.exit(main())
