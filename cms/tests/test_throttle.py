"""cms.throttle: one counter per key and window, shared by the submission limit and page passwords."""

import socket

import pytest
from django.core.cache import cache

from cms.throttle import attempts, count_attempt, reset_attempts


def test_counts_within_the_window_and_resets():
    assert attempts("k") == 0
    assert [count_attempt("k", 60) for _ in range(3)] == [1, 2, 3]
    assert attempts("k") == 3
    reset_attempts("k")
    assert attempts("k") == 0


def test_the_count_expires_with_its_window():
    count_attempt("k", 60)
    cache.delete("k")  # what expiry does
    assert count_attempt("k", 60) == 1


@pytest.fixture
def unreachable_redis(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/5",
            "KEY_PREFIX": "kz-sec-test",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


def test_a_cache_that_swallows_its_errors_does_not_break_counting(unreachable_redis):
    assert count_attempt("k", 60) is None
    assert count_attempt("k", 60) is None  # nothing is counted while the cache is down
    assert attempts("k") == 0
