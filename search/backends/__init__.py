"""Wagtail's database search backend with per-language analysis, for PostgreSQL and SQLite FTS5.

Wagtail's backend takes one text search configuration for the whole index. Here every object is
analysed in the language its text is written in (search.analysis) before it reaches the index,
and queries are analysed the same way, so German, French, English and Arabic each get their own
stemming on both databases. Configure with
``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``.
"""

from django.db import connection
from modelsearch.backends.database.sqlite.utils import fts5_available

from .postgres import MultilingualPostgresBackend
from .sqlite import MultilingualSQLiteBackend


def SearchBackend(params):
    """The multilingual backend for the default database (PostgreSQL or SQLite with FTS5)."""
    if connection.vendor == "postgresql":
        return MultilingualPostgresBackend(params)
    if connection.vendor == "sqlite" and fts5_available():
        return MultilingualSQLiteBackend(params)
    raise NotImplementedError("The multilingual search backend needs PostgreSQL or SQLite with FTS5.")
