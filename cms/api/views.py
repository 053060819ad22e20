"""The API index, the OpenAPI document and its readable docs page."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from . import fields as f
from .openapi import build_document
from .router import api_router


@require_safe
def api_index(request):
    """/api/v2/: where the endpoints and their description are."""
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
