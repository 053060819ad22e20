"""A search cluster that cannot answer makes a 503 "search unavailable", never a 500.

With ``SEARCH_BACKEND=opensearch|elasticsearch`` the site search, its suggestions, the API's
``search`` parameter and the admin's search ask the cluster. When it is down or answers with an
error, the client raises while the view (or its template) reads the results; this middleware turns
that into a 503 with ``Retry-After``: a page in the site's design in the visitor's language, or a
JSON message for the API and the suggestions. There is no fallback to the database backend: with a
cluster configured, the database index is not kept up to date (docs/search.md).
"""

import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER = 60  # seconds


def cluster_errors():
    """The exception classes the installed cluster clients raise for an unreachable or failing cluster."""
    errors = []
    try:
        from opensearchpy.exceptions import TransportError as OpenSearchTransportError

        errors.append(OpenSearchTransportError)  # ConnectionError and HTTP error answers are subclasses
    except ImportError:
        pass
    try:
        from elastic_transport import TransportError as ElasticTransportError

        errors.append(ElasticTransportError)  # connection failures and timeouts (Elasticsearch 8)
    except ImportError:
        pass
    try:
        from elasticsearch import ApiError

        errors.append(ApiError)  # HTTP error answers (Elasticsearch 8)
    except ImportError:
        pass
    return tuple(errors)


CLUSTER_ERRORS = cluster_errors()


class SearchUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not CLUSTER_ERRORS or not isinstance(exception, CLUSTER_ERRORS):
            return None
        logger.warning("Search cluster unavailable for %s: %r", request.path, exception)
        match = request.resolver_match
        if request.path.startswith("/api/"):
            # Like the API's other messages: English, in the "message" member.
            response = JsonResponse(
                {"message": "search is unavailable: the search service cannot be reached, try again later"},
                status=503,
            )
            response["Content-Language"] = "en"
        elif match is not None and match.url_name == "search_suggest":
            response = JsonResponse(
                {"query": request.GET.get("q", "")[:200], "suggestions": [], "message": unavailable_message()},
                status=503,
            )
        else:
            response = TemplateResponse(
                request,
                "search/unavailable.html",
                {"search_query": request.GET.get("q", "")[:200], "message": unavailable_message()},
                status=503,
            ).render()
        response["Retry-After"] = str(RETRY_AFTER)
        add_never_cache_headers(response)
        return response


def unavailable_message():
    return _("The search is unavailable at the moment. Please try again in a few minutes.")
