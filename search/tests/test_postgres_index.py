"""PostgreSQL: the expression Wagtail's backend matches (title || body) has a GIN index the searches use."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from search.query import search_pages

from .corpus import build_corpus

pytestmark = pytest.mark.django_db

INDEX = "site_search_indexentry_title_body_gin"


def test_sqlite_needs_no_such_index(site):
    """The migration is PostgreSQL's only: on SQLite it adds nothing and FTS5 finds the page."""
    if connection.vendor != "sqlite":
        assert connection.vendor == "postgresql"
        return
    build_corpus()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        assert INDEX not in {row[0] for row in cursor.fetchall()}
    results = search_pages(Page.objects.all(), "eau potable", Locale.objects.get(language_code="fr"))
    assert [page.title for page in results[:10]] == ["Eau potable et assainissement"]


def test_searches_can_use_the_title_body_index(site):
    if connection.vendor != "postgresql":
        # SQLite: see test_sqlite_needs_no_such_index.
        assert connection.vendor == "sqlite"
        return
    build_corpus()
    with CaptureQueriesContext(connection) as context:
        results = search_pages(Page.objects.all(), "eau potable", Locale.objects.get(language_code="fr"))
        assert [page.title for page in results[:10]] == ["Eau potable et assainissement"]
        assert results.count() == 1
    matching = [query["sql"] for query in context.captured_queries if "@@" in query["sql"]]
    assert len(matching) == 2  # the ranked results and the count
    # Both match the indexed expression …
    expression = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert all(expression in sql for sql in matching), matching
    with connection.cursor() as cursor:
        # … and the index serves it (on a handful of rows the planner would scan them anyway).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE {expression} to_tsquery('simple', 'eau')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan, plan
