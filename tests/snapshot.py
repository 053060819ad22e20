"""A copy of the test database, taken once and restored before each test (not a test module).

The browser tests and the API documentation tests restore the demo content this way.
"""

import sqlite3
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction


class DatabaseSnapshot:
    """A copy of every row of the test database, taken once and restored before each test.

    A copy of the database itself rather than a JSON fixture: it keeps primary keys, content type and
    permission ids, treebeard paths, wagtail-localize's objects and the search index (SQLite's FTS5
    tables are not Django models, so dumpdata would miss them) exactly as they were, and it is fast.

    - SQLite: the backup API copies the whole database page by page, into memory and back.
    - PostgreSQL: each table is copied into a schema of the snapshot's own; restoring truncates the tables,
      copies the rows back in one transaction (in any order: Django creates every foreign key
      DEFERRABLE INITIALLY DEFERRED, so they are checked at commit) and moves every sequence past
      the restored ids.
    """

    # One schema per snapshot: the browser tests and the API documentation tests each keep one (with
    # different Sites) in the same worker's database.
    SCHEMA_PREFIX = "kz_demo_snapshot_"

    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        if self.vendor not in ("sqlite", "postgresql"):
            raise NotImplementedError(f"no database snapshot for {self.vendor}")
        self.copy_schema = f"{self.SCHEMA_PREFIX}{uuid.uuid4().hex[:12]}"
        connection.ensure_connection()
        if self.vendor == "sqlite":
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        else:
            self._take_postgresql()

    def restore(self):
        self.connection.ensure_connection()
        if self.vendor == "sqlite":
            self.copy.backup(self.connection.connection)
        else:
            self._restore_postgresql()
        # Flushing recreated the content types with new ids; the cache must forget them.
        ContentType.objects.clear_cache()
        cache.clear()

    def close(self):
        if self.vendor == "sqlite":
            self.copy.close()
        else:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.copy_schema} CASCADE")

    def _take_postgresql(self):
        quote = self.connection.ops.quote_name
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT current_schema()")
            schema = cursor.fetchone()[0]
            # Generated columns cannot be inserted into; everything else is copied as it is.
            cursor.execute(
                """SELECT table_name, string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
                FROM information_schema.columns JOIN information_schema.tables USING (table_schema, table_name)
                WHERE table_schema = %s AND table_type = 'BASE TABLE' AND is_generated = 'NEVER'
                    AND table_name <> 'django_migrations'
                GROUP BY table_name""",
                [schema],
            )
            self.columns = dict(cursor.fetchall())
            cursor.execute(
                """SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = %s AND (is_identity = 'YES' OR column_default LIKE 'nextval(%%')""",
                [schema],
            )
            self.sequences = [(table, column) for table, column in cursor.fetchall() if table in self.columns]
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.copy_schema} CASCADE; CREATE SCHEMA {self.copy_schema}")
            for table, columns in self.columns.items():
                source = f"{quote(schema)}.{quote(table)}"
                cursor.execute(f"CREATE TABLE {self.copy_schema}.{quote(table)} AS SELECT {columns} FROM {source}")
        self.schema = quote(schema)

    def _restore_postgresql(self):
        quote = self.connection.ops.quote_name
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            tables = ", ".join(f"{self.schema}.{quote(table)}" for table in self.columns)
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
            for table, columns in self.columns.items():
                cursor.execute(
                    f"INSERT INTO {self.schema}.{quote(table)} ({columns}) OVERRIDING SYSTEM VALUE "
                    f"SELECT {columns} FROM {self.copy_schema}.{quote(table)}"
                )
            for table, column in self.sequences:
                name = f"{self.schema}.{quote(table)}"
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({quote(column)}), 1), "
                    f"MAX({quote(column)}) IS NOT NULL) FROM {name}",
                    [name, column],
                )


def demo_content_snapshot(connection, prepare=None):
    """Load the demo content into a flushed test database, let ``prepare()`` adjust it, copy it aside
    and flush again: pytest-django expects an empty database after transactional tests."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    if prepare is not None:
        prepare()
    snapshot = DatabaseSnapshot(connection)
    call_command("flush", interactive=False, verbosity=0)
    return snapshot
