"""The shared-cache system check: an error with production settings, a --deploy warning elsewhere."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import Error, Warning, run_checks
from django.test import override_settings

from cms.checks import check_shared_cache, check_shared_cache_deploy

ROOT = Path(__file__).resolve().parents[2]
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/4"}}
CACHE_SESSIONS = "django.contrib.sessions.backends.cache"


def ids(messages):
    return sorted(message.id for message in messages)


@override_settings(REQUIRE_SHARED_CACHE=True, CACHES=LOCMEM)
def test_production_with_a_per_process_cache_is_an_error():
    messages = check_shared_cache()
    assert ids(messages) == ["cms.E010"]
    assert isinstance(messages[0], Error)
    assert "REDIS_URL" in messages[0].hint
    assert check_shared_cache_deploy() == []  # said once, not twice


@override_settings(REQUIRE_SHARED_CACHE=True, CACHES=LOCMEM, SESSION_ENGINE=CACHE_SESSIONS)
def test_cache_only_sessions_on_a_per_process_cache_are_a_second_error():
    assert ids(check_shared_cache()) == ["cms.E010", "cms.E011"]


@override_settings(
    REQUIRE_SHARED_CACHE=True,
    CACHES={**REDIS, "sessions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
    SESSION_ENGINE=CACHE_SESSIONS,
    SESSION_CACHE_ALIAS="sessions",
)
def test_the_session_cache_alias_is_the_one_checked():
    assert ids(check_shared_cache()) == ["cms.E011"]


@override_settings(REQUIRE_SHARED_CACHE=True, CACHES=REDIS, SESSION_ENGINE=CACHE_SESSIONS)
def test_production_with_redis_passes():
    assert check_shared_cache() == []


@override_settings(
    REQUIRE_SHARED_CACHE=False,
    CACHES={"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/tmp/x"}},
)
def test_elsewhere_only_the_deploy_check_warns():
    assert check_shared_cache() == []
    messages = check_shared_cache_deploy()
    assert ids(messages) == ["cms.W010"] and isinstance(messages[0], Warning)
    assert ids(run_checks(include_deployment_checks=True, tags=["caches"])) == ["cms.W010"]
    assert run_checks(tags=["caches"]) == []


def manage_check(tmp_path, **env):
    base = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--tag", "caches"],
        cwd=ROOT,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
            "PUBLIC_URL": "https://kommunal.example.org",
            **env,
        },
        capture_output=True,
        text=True,
    )


def test_production_settings_without_redis_fail_manage_py_check(tmp_path):
    result = manage_check(tmp_path)
    assert result.returncode != 0
    assert "cms.E010" in result.stderr


def test_production_settings_with_redis_pass_manage_py_check(tmp_path):
    result = manage_check(tmp_path, REDIS_URL="redis://127.0.0.1:6379/4")
    assert result.returncode == 0, result.stderr
