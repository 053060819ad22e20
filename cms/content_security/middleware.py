"""Response headers that tell browsers what a page may load, run, use and be embedded by."""

import re

from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from cms.public_url import public_address

from . import policies

CORP = "Cross-Origin-Resource-Policy"
REPORT_URI = re.compile(r"report-uri (\S+?)(?:;|$)")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen per response (``policies.policy_for``).

    A view's own django-csp decorators still apply on top (``csp_update``, ``csp_replace``), or instead
    (``csp``, ``csp_exempt``); a header a view set itself (Wagtail's document serve view) is kept.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None:
            media = policies.configured_media_origin()
            parts.config = policies.policy_for(request, response, media, report_only=report_only)
            if parts.config is None:
                # django-csp reads its own setting when there is no config: here that means no header.
                parts.config = {}
        return parts

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview runs the page through the middleware with a made-up request for the page's
            # public URL; the real request (the admin's preview view) gets the policy.
            return response
        # Building the header costs about 130 µs, as much as a page cache hit's own work: a public
        # response without a nonce gets the headers the last one of its kind got.
        kind = reusable_kind(request, response)
        if kind is not None and kind in _built_headers:
            for name, value in _built_headers[kind]:
                response[name] = value
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # as django-csp does
            return response
        response = self.add_headers(request, response)
        if kind is not None:
            _built_headers[kind] = [(name, response[name]) for name in BUILT_HEADERS if name in response]
        return response

    def add_headers(self, request, response):
        response = super().process_response(request, response)
        policy = response.get("Content-Security-Policy", "") + response.get("Content-Security-Policy-Report-Only", "")
        report_uri = REPORT_URI.search(policy)
        if f"report-to {policies.REPORT_GROUP}" in policy and report_uri and "Reporting-Endpoints" not in response:
            # The report-uri's endpoint under PUBLIC_URL (never the Host the request named, and no query):
            # the Reporting API does not resolve a path against the page.
            endpoint = public_address().root_url + report_uri.group(1)
            response["Reporting-Endpoints"] = f'{policies.REPORT_GROUP}="{endpoint}"'
        return response


BUILT_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only", "Reporting-Endpoints")
# {what a reusable response's headers depend on: those headers}; a handful of kinds, emptied when a
# setting changes (the policies are settings).
_built_headers = {}


def reusable_kind(request, response):
    """What the policy headers of this response depend on, if that is all they depend on; else None.

    Not for the admin, a response with a nonce, a view's own policy (django-csp's decorators, the
    widget) or policy header, excluded prefixes, or DEBUG (django-csp then leaves error pages alone)."""
    if settings.DEBUG or policies.is_admin(request) or isinstance(getattr(request, "_csp_nonce", None), str):
        return None
    if any(name.startswith("_csp_") for name in vars(response)) or any(name in response for name in BUILT_HEADERS):
        return None
    for setting in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        if (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES"):
            return None
    return (
        policies.is_html(response),
        response.get("X-Frame-Options", "").upper(),
        policies.configured_media_origin(),
    )


@receiver(setting_changed)
def _forget_built_headers(**kwargs):
    _built_headers.clear()


class BrowserPolicyMiddleware:
    """Permissions-Policy on every response; Cross-Origin-Resource-Policy by what the response is for.

    ``same-origin`` for pages and the admin: no other site may embed them. ``cross-origin`` for what
    other sites are meant to load: the API, feeds, calendars, static files (the widget's script) and
    the widget's frame (``policies.embeddable_by_partners`` sets it).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            return response  # Wagtail's preview: the admin's real request gets the headers
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        if CORP not in response:
            own = policies.is_admin(request) or policies.is_html(response)
            response[CORP] = "same-origin" if own else "cross-origin"
        return response


def permissions_policy_header(features):
    """``{"camera": [], "fullscreen": ["self"]}`` as ``camera=(), fullscreen=(self)``."""

    def allowlist(origins):
        if list(origins) == ["*"]:
            return "*"
        return "(" + " ".join(item if item in {"self", "*"} else f'"{item}"' for item in origins) + ")"

    return ", ".join(f"{feature}={allowlist(origins)}" for feature, origins in features.items())
