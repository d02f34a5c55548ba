"""Models of the accessibility app: audit runs, page results and violations."""

from .audit import AuditRequest, AuditRun, PageResult, Violation
from .statement import AccessibilityStatementPage

__all__ = [
    "AccessibilityStatementPage",
    "AuditRequest",
    "AuditRun",
    "PageResult",
    "Violation",
]
