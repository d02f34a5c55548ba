"""The known-vulnerability gate: pip-audit and npm audit on the locked dependencies, with an
allowlist of accepted vulnerabilities (each with a reason and an expiry date).

Run it with `python -m dependency_audit` (`make vulnerabilities`, part of `make test`).
"""
