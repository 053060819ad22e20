"""Error pages in the site's design for a bad request (400) and a failed CSRF check (403).

Django's own handlers render these templates without the request, so the header, footer and
language versions of base.html would be missing; these render them with it.
"""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers


def _error_page(request, template_name, status):
    try:
        request.get_host()
    except DisallowedHost:
        # The host itself is the bad part: nothing that builds URLs from it may run.
        request = None
    response = HttpResponse(render_to_string(template_name, {}, request=request), status=status)
    add_never_cache_headers(response)
    return response


def bad_request(request, exception=None):
    return _error_page(request, "400.html", 400)


def csrf_failure(request, reason=""):
    """The form's security token was missing or stale (e.g. the page was open too long): nothing was saved."""
    return _error_page(request, "403_csrf.html", 403)
