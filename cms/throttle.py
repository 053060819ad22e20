"""Counting attempts per key in the cache, within a window.

The cache is the default one: Redis in production, so every worker and host counts together.
Participation's submission limit and the page-password throttle both count here. A cache that
swallows its errors (cms.cache.ResilientRedisCache, django-redis with IGNORE_EXCEPTIONS) answers
None; count_attempt then answers None too and the caller decides (the limit is not enforced while
the cache is down, and the site keeps working).
"""

from django.core.cache import cache


def count_attempt(key, window):
    """Count one attempt for ``key`` and return how many there were in the current window (seconds).

    The window starts at the first attempt; the count expires with it. None: the cache is unreachable.
    """
    added = cache.add(key, 1, timeout=window)
    if added:
        return 1
    if added is None:
        return None
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: this attempt opens a new window
        cache.add(key, 1, timeout=window)
        return 1


def attempts(key):
    """How many attempts ``key`` has in its current window (0 when none or expired)."""
    return cache.get(key) or 0


def reset_attempts(key):
    cache.delete(key)
