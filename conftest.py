"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.users.models import UserProfile

from home.factories import build_minimal_site

# The browser fixtures (Chromium, axe-core, the demo site on the live server), for every app's tests.
pytest_plugins = ["tests.browser.fixtures"]


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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Fixtures built once per module (``world_per_module``, see tests/per_module.py; ``loaded`` in
    cms/tests/test_demo_content.py) must really be built once per module, also under `make test`
    (``-n 2 --dist loadgroup``): every test without an xdist group gets its module as its group, so a
    module's tests run one after another on one worker (the browser tests share the group "browser").
    Without it, consecutive tests alternate between the workers and a module fixture is rebuilt for
    almost every test. tryfirst: pytest-xdist turns the groups into node ids in its own hook.
    """
    if not config.pluginmanager.hasplugin("xdist") or config.getvalue("dist") == "no":
        return  # one process (-p no:xdist): nothing to distribute, and the marker is unknown
    for item in items:
        if not item.get_closest_marker("xdist_group") and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group(_module(item)))


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
