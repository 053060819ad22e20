"""cms.throttle: one counter per key and window, shared by the submission limit and page passwords."""

import pytest
from django.core.cache import cache

from cms.cache_settings import cache_settings
from cms.throttle import attempts, count_attempt, reset_attempts
from tests.services import closed_port


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
    # The production cache settings (cms/cache_settings.py), with Redis on a port nothing listens on.
    settings.CACHES = cache_settings(f"redis://127.0.0.1:{closed_port()}/5", key_prefix="kz-sec-test", timeout=1)


def test_a_cache_that_swallows_its_errors_does_not_break_counting(unreachable_redis):
    assert count_attempt("k", 60) is None
    assert count_attempt("k", 60) is None  # nothing is counted while the cache is down
    assert attempts("k") == 0
