"""Wagtail's database search backend with per-language analysis, for PostgreSQL and SQLite FTS5.

Wagtail's backend takes one text search configuration for the whole index. Here every object is
analysed in the language its text is written in (search.analysis) before it reaches the index,
and queries are analysed the same way, so German, French, English and Arabic each get their own
stemming on both databases. Configure with
``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``.
"""

from django.db import connection
from django.utils.module_loading import import_string
from modelsearch.backends.database.sqlite.utils import fts5_available

# Imported for the database in use only: modelsearch's SQLite module looks up a model at import time
# that exists only when the default database is SQLite (a PostgreSQL site fails to start otherwise).
BACKENDS = {
    "postgresql": "search.backends.postgres.MultilingualPostgresBackend",
    "sqlite": "search.backends.sqlite.MultilingualSQLiteBackend",
}


def SearchBackend(params):
    """The multilingual backend for the default database (PostgreSQL or SQLite with FTS5)."""
    if connection.vendor not in BACKENDS or (connection.vendor == "sqlite" and not fts5_available()):
        raise NotImplementedError("The multilingual search backend needs PostgreSQL or SQLite with FTS5.")
    return import_string(BACKENDS[connection.vendor])(params)
