"""The site's search backend: the database's own full-text search, chosen by database.

Wagtail's database backend picks a class by database vendor; this does the same with the site's
subclasses: on PostgreSQL, `postgres.LanguageSearchBackend` (a text-search configuration per
language); on SQLite with FTS5, `sqlite.RankedSQLiteSearchBackend` (ranks a bounded number of
hits in one full-text search); on anything else, Wagtail's own choice.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        from .postgres import LanguageSearchBackend

        return LanguageSearchBackend(params)
    backend = database.SearchBackend(params)  # also finds out whether SQLite has FTS5
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        # Imported only here: the FTS5 index model exists on SQLite with FTS5 alone.
        from .sqlite import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
