"""One id per request, in the response header and in every log line written while it is served.

nginx makes the id (``$request_id``) and passes it as ``X-Request-ID``; the app takes it only when it
sits behind a trusted proxy (``TRUSTED_PROXY_COUNT`` > 0), since a visitor could otherwise write any
text into the logs. Without a usable header the app makes its own. gunicorn's access log reads the id
from the response header (deploy/gunicorn.conf.py), so access and application lines match up.
"""

import logging
import re
import uuid
from contextvars import ContextVar

from django.conf import settings

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; load balancers use UUIDs or similar tokens.
_VALID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_NONE = "-"

_request_id = ContextVar("request_id", default=_NONE)


def get_request_id():
    """The id of the request being served, or "-" outside a request (commands, workers)."""
    return _request_id.get()


def _incoming(request):
    if getattr(settings, "TRUSTED_PROXY_COUNT", 0) <= 0:
        return None
    value = request.headers.get(HEADER, "").strip()
    return value if _VALID.match(value) else None


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _incoming(request) or uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record so formatters can print it."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = get_request_id()
        return True
