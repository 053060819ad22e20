"""A per-client limit on submissions, counted in the cache (shared between processes with Redis).

When the cache cannot be reached (cms/cache.py answers None instead of raising), submissions are
allowed and the outage is logged: losing a registration is worse than a few unthrottled ones, and
the forms keep their other defences (CSRF, validation, the honeypot).
"""

import logging

from django.conf import settings
from django.core.cache import cache

from cms.client_address import client_ip

logger = logging.getLogger(__name__)


def allow_submission(request):
    """Count this submission; False once the client sent more than allowed in the window."""
    limit = settings.PARTICIPATION_RATE_LIMIT
    window = settings.PARTICIPATION_RATE_LIMIT_WINDOW
    key = f"participation:rate:{client_ip(request)}"
    added = cache.add(key, 1, timeout=window)
    if added:
        return True
    if added is None:
        return unlimited(request)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    if count is None:
        return unlimited(request)
    return count <= limit


def unlimited(request):
    logger.warning("Rate limit not applied to %s %s: the cache is unreachable.", request.method, request.path)
    return True
