"""The allowlist of accepted known vulnerabilities: each entry names the vulnerability, the
package, why it is accepted and until when. An expired entry accepts nothing."""

import datetime
import json
from dataclasses import dataclass

from dependency_audit.findings import normalise_package

ECOSYSTEMS = ("python", "npm")
REQUIRED_KEYS = ("ecosystem", "package", "id", "reason", "expires")


class AllowlistError(Exception):
    """The allowlist file cannot be used as it is; the message says what to fix."""


@dataclass(frozen=True)
class Acceptance:
    ecosystem: str
    package: str
    id: str
    reason: str
    expires: datetime.date

    def matches(self, finding):
        return (
            self.ecosystem == finding.ecosystem
            and normalise_package(self.package) == normalise_package(finding.package)
            and self.id in finding.ids
        )


def load_allowlist(path):
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        return []
    except json.JSONDecodeError as error:
        raise AllowlistError(f"{path}: not valid JSON ({error})") from error
    entries = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise AllowlistError(f'{path}: expected {{"accepted": [ ... ]}}')
    return [parse_entry(path, number, entry) for number, entry in enumerate(entries, 1)]


def parse_entry(path, number, entry):
    where = f"{path}, entry {number}"
    if not isinstance(entry, dict):
        raise AllowlistError(f"{where}: each entry is an object")
    missing = [key for key in REQUIRED_KEYS if not str(entry.get(key, "")).strip()]
    if missing:
        raise AllowlistError(f"{where}: missing {', '.join(missing)} (every entry needs them)")
    if entry["ecosystem"] not in ECOSYSTEMS:
        raise AllowlistError(f"{where}: ecosystem must be one of {', '.join(ECOSYSTEMS)}")
    try:
        expires = datetime.date.fromisoformat(entry["expires"])
    except ValueError as error:
        raise AllowlistError(f"{where}: expires must be a date, YYYY-MM-DD") from error
    return Acceptance(
        entry["ecosystem"], entry["package"], entry["id"], entry["reason"].strip(), expires
    )


def judge(findings, acceptances, today):
    """Split findings into (accepted, refused); each item pairs a finding with a note."""
    accepted, refused = [], []
    for finding in findings:
        matching = [entry for entry in acceptances if entry.matches(finding)]
        current = [entry for entry in matching if entry.expires >= today]
        if current:
            entry = current[0]
            accepted.append((finding, f"accepted until {entry.expires}: {entry.reason}"))
        elif matching:
            refused.append((finding, f"its allowlist entry expired on {matching[0].expires}"))
        else:
            refused.append((finding, "not in the allowlist"))
    return accepted, refused
