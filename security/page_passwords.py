"""Page passwords (Wagtail's PasswordViewRestriction) throttled per client address and page.

Wagtail checks them in ``authenticate_with_password`` without ``authenticate()``, so django-axes never
sees them. Failed attempts are counted in the cache (``cms.throttle``, shared by all workers with
Redis) with the login limits: LOGIN_FAILURE_LIMIT wrong passwords within LOGIN_COOLOFF_MINUTES lock
this address out of this page until the window ends, the right password included.
"""

from django.conf import settings
from wagtail import views as wagtail_views

from cms.client_address import client_ip
from cms.throttle import attempts, count_attempt, reset_attempts

from .lockout import cooloff_seconds, lockout_response


def throttle_key(request, page_id):
    return f"security:page-password:{client_ip(request)}:{page_id}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    key = throttle_key(request, page_id)
    if attempts(key) >= settings.LOGIN_FAILURE_LIMIT:
        return lockout_response(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects once the password is right and shows the form again (200) when it is wrong.
    # As with django-axes, the failure that reaches the limit is already answered with the lockout.
    if response.status_code == 200:
        if (count_attempt(key, cooloff_seconds()) or 0) >= settings.LOGIN_FAILURE_LIMIT:
            return lockout_response(request)
    elif 300 <= response.status_code < 400:
        reset_attempts(key)
    return response
