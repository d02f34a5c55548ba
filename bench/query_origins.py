"""Which project code issued each SQL query of a request: for finding N+1s and hot spots."""

import collections
import traceback
from pathlib import Path

from django.conf import settings
from django.db import connection

PROJECT_DIR = str(Path(settings.BASE_DIR))


def project_frame(stack):
    """The innermost frame in project code (not a library), as 'path:line function'."""
    for frame in reversed(stack):
        if frame.filename.startswith(PROJECT_DIR) and "/.venv/" not in frame.filename:
            if "/bench/" in frame.filename or "/tests/" in frame.filename:
                continue
            return f"{frame.filename[len(PROJECT_DIR) + 1 :]}:{frame.lineno} {frame.name}"
    return "(library code only)"


def template_frame(stack):
    """The template being rendered when the query ran, when one was."""
    for frame in reversed(stack):
        if frame.name == "render" and "django/template" in frame.filename:
            origin = frame.locals.get("self")
            name = getattr(getattr(origin, "origin", None), "template_name", None)
            if name:
                return name
    return ""


class QueryOrigins:
    """Context manager recording, for every query, the project line and template behind it."""

    def __init__(self):
        self.origins = []

    def __call__(self, execute, sql, params, many, context):
        stack = traceback.extract_stack()
        self.origins.append((project_frame(stack), sql))
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc_info):
        self._wrapper.__exit__(*exc_info)

    def summary(self):
        return collections.Counter(origin for origin, _sql in self.origins).most_common()
