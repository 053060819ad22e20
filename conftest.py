"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.users.models import UserProfile

from home.factories import build_minimal_site


@pytest.fixture(autouse=True)
def _isolated_state():
    """Wagtail caches site root paths in the cache; the active language leaks between tests."""
    cache.clear()
    yield
    translation.activate("de")
    cache.clear()


@pytest.fixture
def site(db):
    """The minimal German site: HomePage at /de/ and the topic, call, event and partnership indexes."""
    return build_minimal_site()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    return client


@pytest.fixture
def german_admin_client(admin_client, django_user_model):
    """``admin_client`` whose admin speaks German (the user's preferred language), as editors see it."""
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="admin"))
    profile.preferred_language = "de"
    profile.save()
    return admin_client


def _module(item):
    return item.nodeid.split("::")[0]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Fixtures built once per module (``world_per_module``, see tests/per_module.py; ``loaded`` in
    cms/tests/test_demo_content.py; the backup round trip) must really be built once per module, also
    under `make test` (``-n 2 --dist loadgroup``): each module's tests are one unit of work and run one
    after another on one worker, and all browser tests are one unit (one Chromium and one demo snapshot
    per run). Without it, consecutive tests alternate between the workers and a module fixture is
    built on both. xdist hands out the largest units first.

    A scheduler rather than ``xdist_group`` marks: pytest-xdist 3.8 passes the group to the controller
    as a suffix of the node id, which pytest 9.2 no longer lets it change, so marks are silently
    ignored (pytest-dev/pytest-xdist#1386). An explicit group in a node id is still honoured.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ModuleScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid):
            group = super()._split_scope(nodeid)
            if group != nodeid:
                return group  # an xdist_group mark that reached the node id
            module = nodeid.split("::")[0]
            return "browser" if module.startswith("tests/browser/") else module

    return ModuleScheduling(config, log)


class _SharedWorldFirst:
    """Within each run of one module's tests, the tests that do not use a ``*_per_module`` fixture go first:
    they expect an empty database, and a shared world stays in place until its module ends.
    trylast: after pytest-django has moved the transactional tests to the end."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        ordered, run = [], []
        for item in [*items, None]:
            if run and (item is None or _module(item) != _module(run[0])):
                ordered += sorted(run, key=lambda i: any(name.endswith("_per_module") for name in i.fixturenames))
                run = []
            if item is not None:
                run.append(item)
        items[:] = ordered


def pytest_configure(config):
    config.pluginmanager.register(_SharedWorldFirst(), "kz-shared-world-first")
    # Tests do not run collectstatic; WhiteNoise's warning about the missing STATIC_ROOT is noise here.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
