"""Which Content-Security-Policy a response gets, from the settings' policies.

Four kinds, all built from settings (settings/base.py):

- public HTML pages: ``CONTENT_SECURITY_POLICY`` (django-csp's own setting);
- responses that are not HTML (API, feeds, calendars, sitemap, static files): ``CONTENT_SECURITY_POLICY_NON_HTML``;
- the admin: ``CONTENT_SECURITY_POLICY_ADMIN``, and ``CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY`` for what
  Wagtail's admin cannot yet be held to;
- the widget's frame: the page policy with ``frame-ancestors`` from ``WIDGET_FRAME_ANCESTORS``
  (``embeddable_by_partners``).
"""

import copy
import functools
import logging
from functools import wraps
from urllib.parse import urlsplit

from csp.decorators import csp_replace
from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
# The name the policies' report-to directive uses for the Reporting-Endpoints header.
REPORT_GROUP = "csp"


def directives(policy):
    """A copy of a policy's directives that can be changed without changing the setting."""
    return {
        name: list(value) if isinstance(value, list | tuple) else value for name, value in policy["DIRECTIVES"].items()
    }


def is_html(response):
    return response.get("Content-Type", "").split(";")[0].strip().lower() in {"text/html", "application/xhtml+xml"}


def is_admin(request):
    return request.path_info.startswith(ADMIN_PREFIX)


def with_frame_options(policy, response):
    """``frame-ancestors`` as X-Frame-Options says, where a view chose that (Wagtail's preview: SAMEORIGIN).

    Browsers that know ``frame-ancestors`` ignore X-Frame-Options, so the two must agree.
    """
    frame_options = response.get("X-Frame-Options", "").upper()
    if frame_options == "DENY":
        policy["frame-ancestors"] = ["'none'"]
    elif frame_options == "SAMEORIGIN":
        policy["frame-ancestors"] = ["'self'"]
    return policy


def with_media_origin(policy, origin):
    if origin and "img-src" in policy:
        policy["img-src"] = [*policy["img-src"], origin]
    return policy


def policy_for(request, response, media_origin=None, report_only=False):
    """The directives for this response, or None for no header of this kind."""
    if is_admin(request):
        setting = "CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY_ADMIN"
    elif report_only:
        return None  # public responses are held to their policy, not only watched
    elif is_html(response):
        setting = "CONTENT_SECURITY_POLICY"
    else:
        setting = "CONTENT_SECURITY_POLICY_NON_HTML"
    policy = getattr(settings, setting, None)
    if not policy:
        return None
    return with_media_origin(with_frame_options(directives(policy), response), media_origin)


def embeddable_by_partners(view):
    """The view's page may be framed by the sites in ``WIDGET_FRAME_ANCESTORS`` (read per request).

    Use with ``xframe_options_exempt``: X-Frame-Options cannot name several sites.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        replace = {"frame-ancestors": list(settings.WIDGET_FRAME_ANCESTORS) or ["'none'"]}
        response = csp_replace(replace)(view)(request, *args, **kwargs)
        # A partner page that isolates itself (Cross-Origin-Embedder-Policy) may still show the frame.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    return wrapped


STORAGE_SETTINGS = (
    "MEDIA_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_S3_URL_PROTOCOL",
)


@functools.cache
def configured_media_origin():
    """``media_origin()`` of the default storage, worked out once per configuration (not per request, nor
    per preview: Wagtail's preview sets up the middleware anew each time)."""
    return media_origin()


@receiver(setting_changed)
def _forget_media_origin(setting, **kwargs):
    if setting == "STORAGES" or setting in STORAGE_SETTINGS:
        configured_media_origin.cache_clear()


def media_origin(storage=None):
    """The origin media files are served from when that is not this site (S3, a CDN, another host), else None.

    Asked of the storage itself, so that it is the host of the URLs pages really contain, whatever the
    S3 endpoint, custom domain, region or addressing style: the rules for these are botocore's.
    """
    try:
        if storage is None:
            storage = storages["default"]
        if getattr(storage, "querystring_auth", False):
            # Signed URLs have the same host; an unsigned one needs no credentials to be looked up.
            storage = copy.copy(storage)
            storage.querystring_auth = False
        url = urlsplit(storage.url("csp-origin-probe"))
    except Exception:
        logger.warning("Media storage URL unknown: img-src allows this site's own origin only.", exc_info=True)
        return None
    if not (url.scheme and url.netloc):
        return None  # served from this site (MEDIA_URL is a path)
    return f"{url.scheme}://{url.netloc}"
