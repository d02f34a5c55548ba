"""Models of the accessibility app: audit runs, page results and violations."""

from .audit import AuditRun, PageResult, Violation
from .statement import AccessibilityStatementPage

__all__ = ["AccessibilityStatementPage", "AuditRun", "PageResult", "Violation"]
