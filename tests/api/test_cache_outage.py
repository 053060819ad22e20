"""Redis down: the public site still answers, the outage is logged, nothing raises (cms/cache.py).

The cache settings are built by the same function settings/base.py uses (cms.cache_settings), pointed at
a loopback port nothing listens on; the live case uses the shared Redis, database 3, with a key prefix of
this test's own.
"""

import logging
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from cms.cache import ResilientRedisCache
from cms.cache_settings import cache_settings
from participation.ratelimit import allow_submission
from tests.services import closed_port

ROOT = Path(__file__).resolve().parents[2]
LIVE_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def dead_redis():
    with override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{closed_port()}/3", key_prefix="kz-fault-dead")):
        yield


@pytest.fixture
def live_redis():
    prefix = f"kz-fault-{uuid.uuid4().hex[:8]}"
    with override_settings(CACHES=cache_settings(LIVE_REDIS, key_prefix=prefix)):
        from django.core.cache import caches

        backend = caches["default"]
        try:
            backend.client.get_client().ping()
        except Exception as error:  # no Redis to test against: the suite needs one (.ci/run starts it)
            pytest.fail(f"these tests need Redis at {LIVE_REDIS} (TEST_REDIS_URL): {error}")
        yield backend
        # Only this test's keys: the database may be shared with other test runs.
        backend.delete_pattern("*")


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "cms.cache"]


def test_the_settings_build_a_resilient_redis_cache_from_redis_url():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev", "REDIS_URL": "redis://:secret@cache:6379/1"}
    code = (
        "from django.conf import settings as s; c = s.CACHES['default']; "
        "print(c['BACKEND'], c['OPTIONS']['IGNORE_EXCEPTIONS'], c['OPTIONS']['SOCKET_TIMEOUT'], s.SESSION_ENGINE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "cms.cache.ResilientRedisCache",
        "True",
        "0.5",
        "django.contrib.sessions.backends.db",
    ]


def test_sessions_do_not_live_in_the_cache_alone():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_without_redis_url_a_memory_cache():
    assert cache_settings("")["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.django_db
def test_the_public_site_answers_while_redis_is_down(client, api_content, dead_redis, caplog):
    from django.core.cache import caches

    assert isinstance(caches["default"], ResilientRedisCache)
    urls = [
        "/de/",
        "/fr/",
        "/de/aufrufe/aufruf-abfall/",
        "/api/v2/pages/",
        "/api/v2/pages/?search=Abfall",
        f"/api/v2/pages/{api_content.call.pk}/",
        "/de/feeds/calls.atom",
        "/de/feeds/events.atom",
        "/de/calendar/events.ics",
        f"/calendar/events/{api_content.event.pk}.ics",
        "/sitemap.xml",
        "/de/search/?q=Abfall",
        "/de/search/suggest/?q=Abf",
    ]
    caplog.set_level(logging.WARNING)
    started = time.monotonic()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    # A refused connection costs milliseconds: the whole round stays far below one timeout per call.
    assert time.monotonic() - started < 20
    warnings = cache_warnings(caplog)
    # One warning for the burst, not one per call; it names the cache but not a password.
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "Cache unreachable" in warnings[0].getMessage()


@pytest.mark.django_db
def test_the_cache_password_is_not_logged(caplog):
    port = closed_port()
    with override_settings(CACHES=cache_settings(f"redis://:hunter2@127.0.0.1:{port}/3")):
        from django.core.cache import caches

        caplog.set_level(logging.WARNING)
        assert caches["default"].get("anything", "fallback") == "fallback"
    (warning,) = cache_warnings(caplog)
    assert "hunter2" not in warning.getMessage()
    assert f"127.0.0.1:{port}" in warning.getMessage()


def test_the_participation_rate_limit_lets_submissions_through_while_redis_is_down(dead_redis, caplog):
    request = RequestFactory().post("/de/participation/x/", REMOTE_ADDR="192.0.2.7")
    caplog.set_level(logging.WARNING)
    with override_settings(PARTICIPATION_RATE_LIMIT=1):
        assert all(allow_submission(request) for _ in range(3))
    assert any(
        record.name == "participation.ratelimit" and "cache is unreachable" in record.getMessage()
        for record in caplog.records
    )


def test_a_live_redis_caches(live_redis):
    live_redis.set("greeting", {"de": "Hallo"}, 30)
    assert live_redis.get("greeting") == {"de": "Hallo"}
    assert 0 < live_redis.ttl("greeting") <= 30


def test_a_live_redis_counts_submissions_across_calls(live_redis):
    request = RequestFactory().post("/de/participation/x/", REMOTE_ADDR="192.0.2.8")
    with override_settings(PARTICIPATION_RATE_LIMIT=2):
        assert [allow_submission(request) for _ in range(4)] == [True, True, False, False]
