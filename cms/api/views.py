"""The OpenAPI document, its readable docs page and the widget's demo page."""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from cms.content_security.policies import embeddable_by_partners
from cms.languages import bcp47, direction

from . import fields as f
from .openapi import build_document


@require_safe
def api_index(request):
    """/api/v2/: where the endpoints and their description are."""
    from .router import api_router

    return english(
        JsonResponse(
            {
                "endpoints": {
                    name: f.absolute(reverse(f"wagtailapi:{name}:listing"), request)
                    for name in api_router.listed_endpoints
                },
                "openapi": f.absolute(reverse("api_openapi"), request),
                "docs": f.absolute(reverse("api_docs"), request),
            },
            json_dumps_params={"indent": 2},
        )
    )


def api_not_found(request):
    index = f.absolute(reverse("api_index"), request)
    message = f"No API endpoint at {request.path}; the endpoints are listed at {index}"
    return english(JsonResponse({"message": message}, status=404))


def english(response):
    # The API's own texts (its description, index and error messages) are English, whatever the visitor's language.
    response["Content-Language"] = "en"
    return response


@require_safe
def openapi_document(request):
    return english(JsonResponse(build_document(request), json_dumps_params={"ensure_ascii": False, "indent": 2}))


@require_safe
def docs_page(request):
    document = build_document(request)
    # The document is written in English; the page's own labels follow it (lang="en").
    with translation.override("en"):
        return english(render(request, "cms/api/docs.html", {"document": document, "paths": _paths(document)}))


def _paths(document):
    rows = []
    for url, operations in document["paths"].items():
        for method, operation in operations.items():
            rows.append(
                {
                    "method": method.upper(),
                    "url": url,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [_parameter(document, p) for p in operation.get("parameters", [])],
                }
            )
    return rows


def _parameter(document, parameter):
    if "$ref" in parameter:
        name = parameter["$ref"].rsplit("/", 1)[-1]
        parameter = document["components"]["parameters"][name]
    schema = parameter.get("schema", {})
    formats = " or ".join(option["format"] for option in schema.get("anyOf", []) if "format" in option)
    return {
        "name": parameter["name"],
        "where": parameter["in"],
        "description": parameter.get("description", ""),
        "values": ", ".join(str(v) for v in schema.get("enum", []))
        or schema.get("format")
        or formats
        or schema.get("type", ""),
    }


WIDGET_KINDS = ("calls", "events")


@require_safe
@xframe_options_exempt
@embeddable_by_partners
def widget_frame(request):
    """The page the widget's <iframe> shows: it reads the API (same origin, so no CORS needed)."""
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    kind = request.GET.get("kind", "calls")
    limit = request.GET.get("limit", "5")
    if language not in languages or kind not in WIDGET_KINDS or not limit.isdigit() or not 1 <= int(limit) <= 20:
        return HttpResponseBadRequest(
            "lang must be one of {}, kind calls or events, limit 1 to 20.".format(", ".join(languages)),
            content_type="text/plain; charset=utf-8",
        )
    query = {"kind": kind, "limit": limit}
    for name in ("topic", "country"):
        if request.GET.get(name):
            query[name] = request.GET[name]
    with translation.override(language):
        response = render(
            request,
            "cms/api/widget.html",
            {
                "language": language,
                "lang_tag": bcp47(language),
                "dir": direction(language),
                "kind": kind,
                "query": query,
                "more_url": _more_url(language, kind),
                "config": {
                    "api": "/api/v2/pages/",
                    "kind": kind,
                    "lang": language,
                    "langTag": bcp47(language),
                    "query": query,
                    "labels": {
                        # The phrase as a whole, for each language's punctuation ("Date limite : …").
                        "deadline": str(_("Deadline: %(date)s")),
                        "empty": str(_("There are no open calls at the moment."))
                        if kind == "calls"
                        else str(_("No upcoming events at the moment.")),
                        "error": str(_("The list could not be loaded.")),
                        "online": str(_("Online")),
                        "untranslated": str(_("(in German)")),
                    },
                },
            },
        )
    response["Cache-Control"] = "public, max-age=300"
    return response


def _more_url(language, kind):
    from programmes.models import CallIndexPage, EventIndexPage

    # Public pages only: a partner page must not link to (and so reveal) a restricted list.
    page = (CallIndexPage if kind == "calls" else EventIndexPage).for_language(language)
    return page.full_url if page else ""


@require_safe
def widget_demo(request):
    """A page showing the snippet to copy, and the widget it makes."""
    with translation.override("en"):
        return render(request, "cms/api/widget_demo.html", {"origin": f.root_url(request)})
