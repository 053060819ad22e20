"""CACHES for settings/base.py: Redis (django-redis) when REDIS_URL is set, else a per-process memory cache.

Reads no environment and imports no Django module, so settings can import it (like
search/backend_settings.py). The Redis backend is cms.cache.ResilientRedisCache: a cache that is down
costs a refused connection or a short timeout per call, is logged, and never fails a request.
"""

# Seconds to wait for Redis to accept a connection and to answer. The cache is on the local network:
# anything slower is treated as down rather than holding every request up.
DEFAULT_REDIS_TIMEOUT = 0.5


def cache_settings(redis_url="", *, key_prefix="kz", timeout=DEFAULT_REDIS_TIMEOUT):
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": timeout,
                "SOCKET_TIMEOUT": timeout,
            },
        }
    }
