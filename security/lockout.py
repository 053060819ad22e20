"""The answer to a locked-out login or page password: 429 with a page in the admin's or the site's design.

429 (Too Many Requests, django-axes' default) rather than 403: the refusal is about the number of
attempts and ends by itself after the cool-off, which ``Retry-After`` states; 403 would say that this
client may never have access.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers


def cooloff_seconds():
    return int(settings.LOGIN_COOLOFF.total_seconds())


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE, also used by the page-password throttle."""
    in_admin = request.path.startswith(reverse("wagtailadmin_home"))
    template = "security/admin_lockout.html" if in_admin else "security/lockout.html"
    seconds = cooloff_seconds()
    response = render(request, template, {"cooloff_minutes": max(1, seconds // 60)}, status=429)
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response
