"""Test data built once per test module and shared by its tests (not a test module).

Building a multilingual world (pages, wagtail-localize translations, aliases) takes seconds; dozens of
tests read the same world. ``per_module_atomic`` builds it once inside a transaction that is rolled
back when the module ends. Each test still runs in pytest-django's own transaction, which is then a
savepoint inside it, so whatever a test writes is undone before the next one: every test starts from
the same freshly built world, as before. ``fresh`` hands each test its own model instances, read back
from the database, so a test that changes an attribute without saving cannot leak it into the next.

Only for tests that use ``db``: a transactional test (live server) needs committed data and builds
its own world. The root conftest runs a module's tests that do not use the shared world first (they
expect an empty database) and keeps each module's tests on one xdist worker.
"""

import contextlib
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import Model


@contextlib.contextmanager
def per_module_atomic(django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def fresh(value):
    """The same objects as ``value`` (a namespace, dict, list or tuple of them), read again from the database."""
    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{key: fresh(item) for key, item in vars(value).items()})
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(fresh(item) for item in value)
    return value


def check_not_transactional(request):
    """A transactional test would flush the shared world inside its transaction: refuse, loudly."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or (
        "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    )
    assert not transactional, f"{request.node.nodeid}: a transactional test must build its own world"
    # pytest sets up module fixtures first, so the test's own transaction is a savepoint in the module's.
    assert connection.savepoint_ids, "the shared world must be set up before the test's transaction"
