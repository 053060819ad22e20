"""The visitor's address, as the last trusted proxy saw it.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies that each append the address they received the request
from to ``X-Forwarded-For`` (nginx: ``proxy_add_x_forwarded_for``), the client is the entry that many
places from the right. Entries further left were written by the client and can be anything, so they
are never used. Rate limits and login throttling both key on this one function.
"""

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        # Fewer entries than proxies: the request did not come through all of them.
        return remote
    return forwarded[-proxies]
