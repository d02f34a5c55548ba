"""What one audit tool reports: the vulnerabilities it found, or why it could not find out."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    ecosystem: str  # "python" or "npm"
    package: str
    version: str
    id: str
    aliases: tuple = ()
    summary: str = ""
    fixed_in: str = ""

    @property
    def ids(self):
        return {self.id, *self.aliases}

    def describe(self):
        aliases = f" ({', '.join(self.aliases)})" if self.aliases else ""
        fix = f"; fixed in {self.fixed_in}" if self.fixed_in else "; no fixed version yet"
        summary = f": {self.summary[:160]}" if self.summary else ""
        return f"{self.package} {self.version} {self.id}{aliases}{summary}{fix}"


@dataclass
class AuditResult:
    tool: str
    findings: list = field(default_factory=list)
    # Set when the vulnerability data could not be obtained: the tool vouches for nothing.
    unreachable: str = ""
    # Set when the audit itself is broken (bad input, a crash): a failure, not a network fault.
    error: str = ""
    audited: int = 0


def normalise_package(name):
    return name.lower().replace("_", "-").replace(".", "-")
