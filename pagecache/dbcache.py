"""The database cache (production without Redis), each write one statement.

Django's `DatabaseCache` counts the table's rows, then reads the key and inserts or updates
it in a transaction, on every `set` and `add`: four or five statements and a write
transaction per stored page (on SQLite, `BEGIN IMMEDIATE`, which waits for every other
writer). Here, on SQLite and PostgreSQL:

- `set` is one upsert (`INSERT … ON CONFLICT (cache_key) DO UPDATE`);
- `add` is one upsert that replaces only an expired row (`… DO UPDATE … WHERE expires < now`):
  the row count says whether the key was added, atomically, as a render claim needs;
- the rows are counted (and, past `MAX_ENTRIES`, culled as Django does) on every
  `CULL_CHECK_WRITES`th write of a process (an option, 50 unless given), not on each: the
  table can hold that many more rows per process than `MAX_ENTRIES` before the next count.

A write that fails is reported as not done (False), as Django's backend does; inside a
caller's transaction it runs in a savepoint, so that the failure does not break that
transaction. On other databases, and for `touch`, Django's own way.
"""

import base64
import itertools
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT, default_key_func
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, models, router, transaction
from django.utils.timezone import now as tz_now

UPSERT_VENDORS = ("sqlite", "postgresql")
NOT_READ = object()
CULL_CHECK_WRITES = 50


class DatabaseCache(DjangoDatabaseCache):
    def __init__(self, table, params):
        super().__init__(table, params)
        options = params.get("OPTIONS", {})
        self._cull_check_writes = int(options.get("CULL_CHECK_WRITES", CULL_CHECK_WRITES))
        self._writes = itertools.count(1)

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if mode == "touch" or connection.vendor not in UPSERT_VENDORS:
            return super()._base_set(mode, key, value, timeout)
        now = tz_now().replace(microsecond=0)
        if next(self._writes) % self._cull_check_writes == 0:
            self._cull_if_full(db, connection, now)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        pickled = pickle.dumps(value, self.pickle_protocol)
        encoded = base64.b64encode(pickled).decode("latin1")  # the column holds text
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        key_column, value_column, expires_column = map(
            quote_name, ("cache_key", "value", "expires")
        )
        sql = (
            f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "
            "VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_column}) DO UPDATE SET {value_column} = EXCLUDED.{value_column}, "
            f"{expires_column} = EXCLUDED.{expires_column}"
        )
        params = [key, encoded, expires]
        if mode == "add":
            sql += f" WHERE {table}.{expires_column} < %s"
            params.append(connection.ops.adapt_datetimefield_value(now))
        try:
            with self._protected(connection, db), connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.rowcount > 0
        except DatabaseError:
            return False  # as Django's backend: a write that fails is a write not done

    @staticmethod
    def _protected(connection, db):
        """A savepoint inside a caller's transaction (a failed statement would otherwise
        break it); nothing more outside one (the statement commits by itself)."""
        if connection.in_atomic_block:
            return transaction.atomic(using=db)
        return transaction.mark_for_rollback_on_error(using=db)

    def _cull_if_full(self, db, connection, now):
        try:
            with self._protected(connection, db), connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(self._table)}")
                rows = cursor.fetchone()[0]
                if rows > self._max_entries:
                    self._cull(db, cursor, now, rows)
        except DatabaseError:
            pass  # counted again at the next check

    def get_beside(self, key, model, pk, fields, keyed_by=None):
        """(`fields` of `model`'s row `pk`, the value under `key`, the value under `keyed_by`'s
        key) in one statement; the row None when it is missing. `keyed_by`: (key prefix, field,
        value): the key is the prefix followed by the row's field, read unless the field holds
        that value (the third value is NOT_READ then, or when `keyed_by` is None). The row's
        table must be in the cache's database."""
        db = router.db_for_read(self.cache_model_class)
        if router.db_for_read(model) != db:
            raise ValueError(f"{model._meta.label} is not in the cache's database")
        connection = connections[db]
        quote_name = connection.ops.quote_name
        value, expires, cache_key = map(quote_name, ("value", "expires", "cache_key"))

        def column(name):
            return f"source.{quote_name(model._meta.get_field(name).column)}"

        selected = [column(name) for name in fields] + [f"entry.{value}", f"entry.{expires}"]
        joins = f"LEFT JOIN {quote_name(self._table)} entry ON entry.{cache_key} = %s "
        params = [self.make_and_validate_key(key)]
        prefixed = keyed_by is not None and self.key_func is default_key_func
        if prefixed:
            prefix, field, skipped = keyed_by
            selected += [f"other.{value}", f"other.{expires}", f"{column(field)} <> %s"]
            joins += (
                f"LEFT JOIN {quote_name(self._table)} other ON other.{cache_key} = "
                f"%s || CAST({column(field)} AS TEXT) AND {column(field)} <> %s "
            )
            params = [skipped, *params, self.make_and_validate_key(prefix), skipped]
        sql = (
            f"SELECT {', '.join(selected)} FROM {quote_name(model._meta.db_table)} source "
            f"{joins}WHERE source.{quote_name(model._meta.pk.column)} = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, pk])
            found = cursor.fetchone()
        if found is None:
            return None, None, NOT_READ
        row, found = tuple(found[: len(fields)]), found[len(fields) :]
        entry = self._decoded(connection, *found[:2])
        other = NOT_READ
        if prefixed and found[4]:
            other = self._decoded(connection, *found[2:4])
        return row, entry, other

    @staticmethod
    def _decoded(connection, value, expires):
        """A row's value as `get` reads it; None when there is none or its time is up."""
        if value is None:
            return None
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        if expires < tz_now():
            return None  # left for `get` or the cull to delete
        value = connection.ops.process_clob(value)
        return pickle.loads(base64.b64decode(value.encode()))  # noqa: S301 - our own rows, as Django's backend
