"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live server.

These tests never skip: without /usr/bin/chromium they fail and say how to install it.

The demo content is loaded once per test session (per xdist worker) and copied aside; every test that
uses ``demo_site`` gets that copy restored into the test database (see ``DatabaseSnapshot``), which
takes milliseconds where ``load_demo_content`` takes many seconds.
"""

import os
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.models import Site

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the live
# server's test code are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser-deps` (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Every request must stay on this machine: the site has no external assets.
    external = []
    page.on("request", lambda request: external.append(request.url) if not _is_local(request.url) else None)
    yield page
    context.close()
    assert not external, f"the page requested external resources: {external}"


def _is_local(url):
    return url.startswith(("http://localhost", "http://127.0.0.1", "data:", "about:", "blob:"))


class DatabaseSnapshot:
    """A copy of every row of the test database, taken once and restored before each test.

    A copy of the database itself rather than a JSON fixture: it keeps primary keys, content type and
    permission ids, treebeard paths, wagtail-localize's objects and the search index (SQLite's FTS5
    tables are not Django models, so dumpdata would miss them) exactly as they were, and it is fast.

    - SQLite: the backup API copies the whole database page by page, into memory and back.
    - PostgreSQL: each table is copied into a schema of its own; restoring truncates the tables,
      copies the rows back in one transaction (in any order: Django creates every foreign key
      DEFERRABLE INITIALLY DEFERRED, so they are checked at commit) and moves every sequence past
      the restored ids.
    """

    SCHEMA = "kz_demo_snapshot"

    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        if self.vendor not in ("sqlite", "postgresql"):
            raise NotImplementedError(f"no database snapshot for {self.vendor}")
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
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")

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
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE; CREATE SCHEMA {self.SCHEMA}")
            for table, columns in self.columns.items():
                cursor.execute(
                    f"CREATE TABLE {self.SCHEMA}.{quote(table)} AS SELECT {columns} FROM {quote(schema)}.{quote(table)}"
                )
        self.schema = quote(schema)

    def _restore_postgresql(self):
        quote = self.connection.ops.quote_name
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            tables = ", ".join(f"{self.schema}.{quote(table)}" for table in self.columns)
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
            for table, columns in self.columns.items():
                cursor.execute(
                    f"INSERT INTO {self.schema}.{quote(table)} ({columns}) OVERRIDING SYSTEM VALUE "
                    f"SELECT {columns} FROM {self.SCHEMA}.{quote(table)}"
                )
            for table, column in self.sequences:
                name = f"{self.schema}.{quote(table)}"
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({quote(column)}), 1), "
                    f"MAX({quote(column)}) IS NOT NULL) FROM {name}",
                    [name, column],
                )


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, live_server):
    """The demo content, loaded once per session (per xdist worker) into the test database and copied.

    It is loaded into a flushed database, so every test sees the same state whichever tests ran before
    on this worker. The default Site answers on the live server's port, so absolute URLs (API, feeds,
    sitemap, canonical links) point at the live server.
    """
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        call_command("load_demo_content", verbosity=0)
        address = urlsplit(live_server.url)
        Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
        snapshot = DatabaseSnapshot(connection)
        # Leave the database as the next test expects it: pytest-django empties it after transactional tests.
        call_command("flush", interactive=False, verbosity=0)
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.close()


@pytest.fixture
def demo_site(demo_snapshot, transactional_db, live_server):
    """The demo content on the live server, as freshly loaded for every test; the default Site answers on
    the live server's host and port."""
    demo_snapshot.restore()
    return live_server


@pytest.fixture
def axe():
    return Axe()


def assert_no_wcag_violations(axe, page, name):
    results = axe.run(page, options=WCAG_21_AA)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert results.violations_count == 0, f"axe-core on {name}:\n{results.generate_report()}"


def pytest_collection_modifyitems(items):
    # With `-n 2 --dist loadgroup` (make test) every browser test runs on one worker, so the
    # demo snapshot is loaded once per run rather than once per worker.
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
