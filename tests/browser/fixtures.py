"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live server: a
plugin of the root conftest.py, so any app's tests use these fixtures (news/tests/test_browser.py).

These tests never skip: without /usr/bin/chromium they fail and say how to install it.

The demo content is loaded once per test session (per xdist worker) and copied aside; every test that
uses ``demo_site`` gets that copy restored into the test database (see ``tests.snapshot``), which
takes milliseconds where ``load_demo_content`` takes many seconds (``tests/snapshot.py``).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from wagtail.models import Site

from tests.snapshot import demo_content_snapshot

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


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, live_server):
    """The demo content, loaded once per session (per xdist worker) into the test database and copied.

    It is loaded into a flushed database, so every test sees the same state whichever tests ran before
    on this worker. The default Site answers on the live server's port, so absolute URLs (API, feeds,
    sitemap, canonical links) point at the live server.
    """
    address = urlsplit(live_server.url)

    def answer_on_live_server():
        Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)

    with django_db_blocker.unblock():
        snapshot = demo_content_snapshot(connection, prepare=answer_on_live_server)
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
