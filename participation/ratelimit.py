"""A per-client limit on submissions, counted in the cache (shared between processes with Redis).

When the cache cannot be reached (cms/cache.py answers None instead of raising), submissions are
allowed and the outage is logged: losing a registration is worse than a few unthrottled ones, and
the forms keep their other defences (CSRF, validation, the honeypot).
"""

import logging

from django.conf import settings

from cms.client_address import client_ip
from cms.throttle import count_attempt

logger = logging.getLogger(__name__)


def allow_submission(request):
    """Count this submission; False once the client sent more than allowed in the window."""
    key = f"participation:rate:{client_ip(request)}"
    count = count_attempt(key, settings.PARTICIPATION_RATE_LIMIT_WINDOW)
    if count is None:
        logger.warning("Rate limit not applied to %s %s: the cache is unreachable.", request.method, request.path)
        return True
    return count <= settings.PARTICIPATION_RATE_LIMIT
