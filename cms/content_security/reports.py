"""The endpoint browsers send Content-Security-Policy violation reports to (``report-uri`` and ``report-to``).

Each violation is logged as a WARNING with the directive and the blocked resource (origin and path: a
query string may carry personal data); nothing about the visitor, nor the page (its address may hold a
token). A client may send ``CSP_REPORT_RATE_LIMIT`` reports per ``CSP_REPORT_RATE_LIMIT_WINDOW`` seconds;
more are answered 429 and not logged. Anything that is not a report is a 400; the endpoint never fails with 500.
"""

import json
import logging
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.client_address import client_ip

logger = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
MAX_REPORTS = 50  # per request: a browser batches a page's reports (report-to)
REPORT_URI_TYPES = {"application/csp-report", "application/json"}
REPORTING_API_TYPE = "application/reports+json"
DIRECTIVE = re.compile(r"^[a-z][a-z-]{0,39}$")
# Values a browser reports instead of a URL: 'inline', 'eval', a scheme ('data', 'blob'), …
KEYWORD = re.compile(r"^[a-z][a-z0-9+.-]{0,19}$")


class Junk(ValueError):
    pass


@csrf_exempt
@require_POST
def csp_report(request):
    content_type = request.content_type.lower()
    if content_type not in REPORT_URI_TYPES | {REPORTING_API_TYPE}:
        return HttpResponseBadRequest("Not a CSP report.", content_type="text/plain")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponseBadRequest("Bad Content-Length.", content_type="text/plain")
    if length > MAX_BODY:
        return HttpResponse(status=413)
    try:
        body = json.loads(request.read(MAX_BODY + 1)[:MAX_BODY] if length else b"")
        violations = parse(body, content_type)
    except (ValueError, UnicodeDecodeError):  # json.JSONDecodeError and Junk are ValueErrors
        return HttpResponseBadRequest("Not a CSP report.", content_type="text/plain")
    if not allow(request, len(violations)):
        return HttpResponse(status=429)
    for violation in violations:
        logger.warning(
            "Content-Security-Policy violation (%s): %s blocked %s",
            violation["disposition"],
            violation["directive"],
            violation["blocked"],
        )
    return HttpResponse(status=204)


def parse(body, content_type):
    """The violations in a report-uri body (one) or a Reporting API body (a list; other types ignored)."""
    if content_type == REPORTING_API_TYPE:
        if not isinstance(body, list) or not 0 < len(body) <= MAX_REPORTS:
            raise Junk
        if not all(isinstance(item, dict) for item in body):
            raise Junk
        return [
            violation(item.get("body"), directive=("effectiveDirective",), blocked=("blockedURL",))
            for item in body
            if item.get("type") == "csp-violation"
        ]
    if not isinstance(body, dict):
        raise Junk
    return [
        violation(
            body.get("csp-report"),
            directive=("effective-directive", "violated-directive"),
            blocked=("blocked-uri",),
        )
    ]


def violation(report, directive, blocked):
    if not isinstance(report, dict):
        raise Junk
    name = first(report, directive).split(" ")[0].lower()
    if not DIRECTIVE.match(name):
        raise Junk
    disposition = report.get("disposition", "enforce")
    return {
        "directive": name,
        "blocked": without_query(first(report, blocked)) or "(none)",
        "disposition": disposition if disposition in {"enforce", "report"} else "enforce",
    }


def first(report, keys):
    for key in keys:
        value = report.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def without_query(value):
    """A URL's origin and path (its query and fragment may carry personal data), or a keyword as it is."""
    if KEYWORD.match(value):
        return value
    try:
        url = urlsplit(value)
    except ValueError:
        return "(unreadable)"
    printable = "".join(char for char in f"{url.scheme}://{url.netloc}{url.path}" if char.isprintable())
    return printable[:200] if url.scheme else "(unreadable)"


def allow(request, count):
    """Count this client's reports in the cache; False once it sent more than allowed in the window."""
    if not count:
        return True
    key = f"csp-report:rate:{client_ip(request)}"
    window = settings.CSP_REPORT_RATE_LIMIT_WINDOW
    try:
        if cache.add(key, count, timeout=window):
            total = count
        else:
            total = cache.incr(key, count)
    except ValueError:  # expired between add and incr
        return True
    except Exception:  # the cache is down: reports are not worth an error page
        logger.warning("CSP report rate limit unavailable (cache error).", exc_info=True)
        return True
    return total <= settings.CSP_REPORT_RATE_LIMIT
