"""A per-client limit on submissions, counted in the cache (shared between processes with Redis)."""

from django.conf import settings

from cms.client_address import client_ip
from cms.throttle import count_attempt


def allow_submission(request):
    """Count this submission; False once the client sent more than allowed in the window."""
    key = f"participation:rate:{client_ip(request)}"
    return count_attempt(key, settings.PARTICIPATION_RATE_LIMIT_WINDOW) <= settings.PARTICIPATION_RATE_LIMIT
