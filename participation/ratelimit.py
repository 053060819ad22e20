"""A per-client limit on submissions, counted in the cache (shared between processes with Redis)."""

from django.conf import settings
from django.core.cache import cache

from cms.client_address import client_ip


def allow_submission(request):
    """Count this submission; False once the client sent more than allowed in the window."""
    limit = settings.PARTICIPATION_RATE_LIMIT
    window = settings.PARTICIPATION_RATE_LIMIT_WINDOW
    key = f"participation:rate:{client_ip(request)}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
