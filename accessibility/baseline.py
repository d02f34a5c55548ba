"""The baseline: a committed JSON file of accepted violations, each with a reason and an expiry.

Format::

    {
      "version": 1,
      "accepted": [
        {"fingerprint": "3f2a...", "rule": "color-contrast", "page": "page:<key>:az",
         "target": "#hero > p", "reason": "Brand colour, fixed in the redesign",
         "expires": "2027-03-31"}
      ]
    }

Only a violation whose fingerprint has an entry that has not expired (the expiry day included) is
accepted; every other violation can fail the run.
"""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

BASELINE_VERSION = 1
DEFAULT_VALIDITY_DAYS = 90


class BaselineError(ValueError):
    """The baseline file cannot be read; the message says where and why."""


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    page: str
    target: str
    reason: str
    expires: datetime.date

    def is_valid_on(self, day):
        return day <= self.expires

    def as_json(self):
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "page": self.page,
            "target": self.target,
            "reason": self.reason,
            "expires": self.expires.isoformat(),
        }


class Baseline:
    """Accepted violations by fingerprint."""

    def __init__(self, entries=()):
        self.entries = {entry.fingerprint: entry for entry in entries}

    def accepts(self, fingerprint, day=None):
        entry = self.entries.get(fingerprint)
        return bool(entry and entry.is_valid_on(day or datetime.date.today()))

    def expired_entries(self, day=None):
        day = day or datetime.date.today()
        return [entry for entry in self.entries.values() if not entry.is_valid_on(day)]

    @classmethod
    def load(cls, path):
        path = Path(path)
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise BaselineError(f"{path}: not readable JSON ({error}).") from error
        if not isinstance(data, dict) or not isinstance(data.get("accepted"), list):
            raise BaselineError(f'{path}: expected an object with an "accepted" list.')
        return cls(_parse_entry(path, index, item) for index, item in enumerate(data["accepted"]))

    def save(self, path):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        entries = sorted(self.entries.values(), key=lambda e: (e.page, e.rule, e.fingerprint))
        document = {"version": BASELINE_VERSION, "accepted": [e.as_json() for e in entries]}
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _parse_entry(path, index, item):
    where = f"{path}: accepted[{index}]"
    if not isinstance(item, dict):
        raise BaselineError(f"{where} is not an object.")
    missing = [key for key in ("fingerprint", "reason", "expires") if not item.get(key)]
    if missing:
        raise BaselineError(f"{where} lacks {', '.join(missing)}; every entry needs all three.")
    try:
        expires = datetime.date.fromisoformat(str(item["expires"]))
    except ValueError as error:
        raise BaselineError(f"{where}: expires must be a date like 2027-03-31.") from error
    return BaselineEntry(
        fingerprint=str(item["fingerprint"]),
        rule=str(item.get("rule", "")),
        page=str(item.get("page", "")),
        target=str(item.get("target", "")),
        reason=str(item["reason"]),
        expires=expires,
    )


def updated_baseline(previous, violations, *, reason, expires, day=None):
    """The baseline accepting exactly `violations` (stored Violation rows).

    Entries still valid keep their reason and expiry; new and expired ones get `reason` and
    `expires`; entries whose violation is gone are dropped (the problem was fixed).
    """
    day = day or datetime.date.today()
    entries = {}
    for violation in violations:
        known = previous.entries.get(violation.fingerprint)
        if known and known.is_valid_on(day):
            entries[violation.fingerprint] = known
            continue
        if violation.fingerprint in entries:
            continue
        entries[violation.fingerprint] = BaselineEntry(
            fingerprint=violation.fingerprint,
            rule=violation.rule_id,
            page=violation.page_result.page_identity,
            target=violation.target,
            reason=reason,
            expires=expires,
        )
    return Baseline(entries.values())
