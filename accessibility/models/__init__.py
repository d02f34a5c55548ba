"""Models of the accessibility app: audit runs, page results and violations."""

from .audit import AuditRun, PageResult, Violation

__all__ = ["AuditRun", "PageResult", "Violation"]
