"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation

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


def pytest_configure(config):
    # Tests do not run collectstatic; WhiteNoise's warning about the missing STATIC_ROOT is noise here.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
