"""The OpenAPI 3.1 document of /api/v2/, written by hand from the endpoint definitions.

Enumerations (languages, page types, orderings, filters) are read from the code, so the document
cannot drift from what the endpoints accept; tests validate real responses against it.
"""

from django.conf import settings

from cms.platform import registry
from cms.public_url import root_url

from .endpoints import api_page_models, page_filters, page_orderings
from .schema import BOOLEAN, DATETIME, INTEGER, MOMENT, STRING, URL, nullable, obj, ref


def schemas():
    languages = [code for code, _name in settings.LANGUAGES]
    page_ref = obj({"id": INTEGER, "title": STRING, "slug": STRING, "url": nullable(URL)})
    rendition = obj({"url": URL, "width": INTEGER, "height": INTEGER})
    alt_lang = {
        "type": "string",
        "enum": languages,
        "description": "The language alt is written in: the one asked for, or de where that has no alternative text "
        '(mark it, e.g. lang="de").',
    }
    image = obj(
        {
            "id": INTEGER,
            "title": STRING,
            "alt": {
                "type": "string",
                "description": "Alternative text in the item's language (images endpoint: the locale asked for), "
                "else the German one.",
            },
            "alt_lang": alt_lang,
            "url": URL,
            "width": INTEGER,
            "height": INTEGER,
            "thumbnail": ref("Rendition"),
        }
    )
    translation = obj(
        {"locale": {"type": "string", "enum": languages}, "id": INTEGER, "url": nullable(URL)},
    )
    page_meta = obj(
        {
            "type": {"type": "string", "description": "app_label.ModelName"},
            "detail_url": URL,
            "html_url": nullable(URL),
            "slug": STRING,
            "show_in_menus": BOOLEAN,
            "seo_title": STRING,
            "search_description": STRING,
            "first_published_at": nullable(DATETIME),
            "last_published_at": nullable(DATETIME),
            "parent": nullable(
                obj(
                    {
                        "id": INTEGER,
                        "meta": obj({"type": STRING, "detail_url": URL, "html_url": nullable(URL)}, required=[]),
                        "title": STRING,
                    },
                    required=["id"],
                )
            ),
            "locale": {"type": "string", "enum": languages},
            "dir": {"type": "string", "enum": ["ltr", "rtl"]},
            "translations": {
                "type": "array",
                "items": ref("Translation"),
                "description": "The other live, real translations (never aliases or drafts).",
            },
        },
        required=[],
    )
    block = {
        "type": "object",
        "properties": {"type": STRING, "id": nullable(STRING), "value": {}},
        "required": ["type", "value"],
        "description": "A StreamField block. Rich text is HTML with absolute URLs; images are renditions.",
    }
    page_fields = {"id": INTEGER, "meta": ref("PageMeta"), "title": STRING, **page_type_fields()}
    page = obj(page_fields, required=["id"])

    def snippet(fields, translatable=True):
        meta = {"type": STRING, "detail_url": URL}
        if translatable:
            meta.update(
                locale={"type": "string", "enum": languages},
                dir={"type": "string", "enum": ["ltr", "rtl"]},
                translations={"type": "array", "items": ref("Translation")},
            )
        return obj({"id": INTEGER, "meta": obj(meta, required=[]), **fields}, required=["id"])

    def listing(item):
        return obj({"meta": obj({"total_count": INTEGER}), "items": {"type": "array", "items": item}})

    result = {
        "Error": obj({"message": STRING}),
        "Index": obj(
            {
                "endpoints": {"type": "object", "additionalProperties": URL, "description": "Name → listing URL."},
                "openapi": URL,
                "docs": URL,
            }
        ),
        "PageRef": page_ref,
        "Rendition": rendition,
        "Image": image,
        "Translation": translation,
        "PageMeta": page_meta,
        "Block": block,
        # The objects page fields and snippets refer to (ApiObject contributions).
        **{api_object.name: api_object.schema for api_object in registry.api_objects()},
        "Page": page,
        "PageListing": listing(ref("Page")),
        **{
            f"{contributed.schema_name}Item": snippet(contributed.item_schema, contributed.endpoint.translatable)
            for contributed in registry.api_endpoints()
        },
        "ImageItem": obj(
            {
                "id": INTEGER,
                "meta": obj({"type": STRING, "detail_url": URL, "download_url": URL}, required=[]),
                "title": STRING,
                "width": INTEGER,
                "height": INTEGER,
                "alt": STRING,
                "alt_lang": alt_lang,
                # null until the worker has made the renditions (docs/api.md)
                "rendition": nullable(ref("Image")),
            },
            required=["id"],
        ),
        "DocumentItem": obj(
            {
                "id": INTEGER,
                "meta": obj(
                    {"type": STRING, "detail_url": URL, "download_url": URL, "file_extension": STRING}, required=[]
                ),
                "title": STRING,
            },
            required=["id"],
        ),
    }
    for name in [contributed.schema_name for contributed in registry.api_endpoints()] + ["Image"]:
        result[f"{name}Listing"] = listing(ref(f"{name}Item"))
    result["DocumentListing"] = listing(ref("DocumentItem"))
    return result


def page_type_fields():
    """The union of the page types' API fields (which appear depends on the type: see the page types
    table); a field whose schema differs between types accepts each of them."""
    alternatives = {}
    for page_type in registry.page_types():
        for name, schema in page_type.api.schema.items():
            found = alternatives.setdefault(name, [])
            if schema not in found:
                found.append(schema)
    return {name: found[0] if len(found) == 1 else {"anyOf": found} for name, found in alternatives.items()}


def query(name, schema, description, required=False):
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


def common_parameters():
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    return {
        "limit": query(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": limit_max, "default": min(20, limit_max)},
            f"Items per page, at most {limit_max}.",
        ),
        "offset": query("offset", {"type": "integer", "minimum": 0, "default": 0}, "Items to skip."),
        "fields": query(
            "fields",
            STRING,
            "Fields to add (title,summary), remove (-title), all (*) or none (_), as in Wagtail's API.",
        ),
    }


def responses(schema_name, not_found=True):
    result = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ref(schema_name)}}},
        "304": {"description": "Not modified (If-None-Match matched the ETag)."},
        "400": {
            "description": "Unknown parameter or bad value; the message says which.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
    }
    if not_found:
        result["404"] = {"description": "Not found.", "content": {"application/json": {"schema": ref("Error")}}}
    return result


def page_type_names():
    return [f"{model._meta.app_label}.{model.__name__}" for model in api_page_models()]


def paths():
    languages = [code for code, _name in settings.LANGUAGES]
    orderings = [prefix + name for name in page_orderings() for prefix in ("", "-")]
    filters = page_filters()
    common = [{"$ref": f"#/components/parameters/{name}"} for name in ("limit", "offset", "fields")]
    image_locale = query(
        "locale",
        {"type": "string", "enum": languages},
        "The language of alt (alt_lang says where it is German instead); German without.",
    )

    def needs(name):
        return " Needs type= " + " or ".join(model._meta.label for _filter, model in filters[name]) + "."

    # The first page type's filter describes the parameter (cms/checks.py keeps their schemas equal).
    filter_parameters = [
        query(name, supported[0][0].schema, supported[0][0].description + needs(name))
        for name, supported in filters.items()
    ]
    type_specific = [(name, types[0]._meta.label) for name, (_field, types) in page_orderings().items() if types]
    order_description = "Sort order" + "".join(
        f"{', ' if index else '; '}{name} {'' if index else 'needs '}type={label}"
        for index, (name, label) in enumerate(type_specific)
    )

    page_parameters = common + [
        query("type", {"type": "string", "enum": page_type_names()}, "Only pages of this type, with its fields."),
        query("locale", {"type": "string", "enum": languages}, "Only pages in this language."),
        query(
            "fallback",
            BOOLEAN,
            "With locale: add the German version of pages not yet translated into that language.",
        ),
        query(
            "updated_since",
            MOMENT,
            "Pages published (or republished) at or after this ISO 8601 date or date-time, for incremental sync.",
        ),
        query(
            "search",
            STRING,
            "Full-text search, the site search's own: with locale, the pages a visitor of that language "
            "finds (with fallback, including the German pages not yet translated), in relevance order unless "
            "order is given; without locale, pages of every language, each word tried in every language.",
        ),
        query(
            "order",
            {"type": "string", "enum": orderings},
            order_description + ".",
        ),
        query("child_of", {"type": "integer", "minimum": 1}, "Only children of this page id."),
        query("descendant_of", {"type": "integer", "minimum": 1}, "Only descendants of this page id."),
        *filter_parameters,
    ]
    detail_id = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}

    def find_path(name, summary, by_path=False):
        """find/: Wagtail's lookup, a redirect to the detail URL; fields (and nothing else) goes along."""
        parameters = [
            query(
                "id", {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, "The item's id.", required=not by_path
            ),
            common[2],
        ]
        description = f"Redirects (302) to /api/v2/{name}/{{id}}/, keeping fields."
        if by_path:
            parameters.insert(
                0,
                query(
                    "html_path",
                    {"type": "string", "pattern": "^/"},
                    "The page's public path with its language prefix, e.g. /fr/appels/x/.",
                ),
            )
            description = (
                "Give html_path (a public path, language prefix included: /fr/appels/…) or id; with both, "
                "html_path is used. Redirects (302) to /api/v2/pages/{id}/, keeping fields. The path of a page "
                "not yet translated leads to the German page it shows."
            )
        return {
            f"/api/v2/{name}/find/": {
                "get": {
                    "operationId": f"find_{name}",
                    "summary": f"{summary}: find one by id (redirect)"
                    if not by_path
                    else "Find a page by path or id (redirect).",
                    "description": description,
                    "parameters": parameters,
                    "responses": {
                        "302": {
                            "description": "Redirect to the detail URL.",
                            "headers": {"Location": {"schema": URL, "description": "The item's detail URL."}},
                        },
                        "400": {
                            "description": "No id (or path), a malformed one, or an unknown parameter.",
                            "content": {"application/json": {"schema": ref("Error")}},
                        },
                        "404": {
                            "description": "No published item there.",
                            "content": {"application/json": {"schema": ref("Error")}},
                        },
                    },
                }
            }
        }

    def snippet_paths(contributed):
        name, schema, summary, endpoint = (
            contributed.name,
            contributed.schema_name,
            contributed.summary,
            contributed.endpoint,
        )
        filters = endpoint.filters
        parameters = list(common)
        if "locale" in filters:
            parameters.append(query("locale", {"type": "string", "enum": languages}, "Only items in this language."))
        if "country" in filters:
            parameters.append(
                query("country", {"type": "string", "pattern": "^[A-Za-z]{2}$"}, "ISO 3166-1 alpha-2 code.")
            )
        if "status" in filters:
            parameters.append(query("status", {"type": "string", "enum": list(endpoint.status_choices)}, "Status."))
        parameters += [query(*parameter) for parameter in endpoint.more_parameters]
        if "search" in filters:
            parameters.append(query("search", STRING, endpoint.search_description))
        return {
            f"/api/v2/{name}/": {
                "get": {
                    "operationId": f"list_{name}",
                    "summary": summary,
                    "parameters": parameters,
                    "responses": responses(f"{schema}Listing", not_found=False),
                }
            },
            f"/api/v2/{name}/{{id}}/": {
                "get": {
                    "operationId": f"get_{name}",
                    "summary": summary + " (one item)",
                    "parameters": [detail_id, common[2]],
                    "responses": responses(f"{schema}Item"),
                }
            },
            **find_path(name, summary),
        }

    result = {
        "/api/v2/": {
            "get": {
                "operationId": "index",
                "summary": "The endpoints, with links to this document and its readable page.",
                "parameters": [],
                "responses": {"200": responses("Index")["200"], "304": responses("Index")["304"]},
            }
        },
        "/api/v2/pages/": {
            "get": {
                "operationId": "list_pages",
                "summary": "Live, public pages in every language (filter with locale).",
                "description": "Drafts, pages behind a login or password, and aliases (pages not yet translated, "
                "which show the German text) are never listed. Without type, items carry the base fields only.",
                "parameters": page_parameters,
                "responses": responses("PageListing", not_found=False),
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "operationId": "get_page",
                "summary": "One page with all the fields of its type.",
                "parameters": [detail_id, common[2]],
                "responses": responses("Page"),
            }
        },
        "/api/v2/page_preview/": {
            "get": {
                "operationId": "preview_page",
                "summary": "A draft, for a headless front end, with the token Wagtail's preview gave it.",
                "parameters": [
                    query("content_type", STRING, "app_label.modelname, as passed to the front end.", True),
                    query("token", STRING, "The signed preview token.", True),
                    common[2],
                ],
                "responses": responses("Page"),
            }
        },
        "/api/v2/images/": {
            "get": {
                "operationId": "list_images",
                "summary": "Public images (not in restricted collections): rendition (URL, width, height), alt text.",
                "parameters": common + [query("search", STRING, "Full-text search."), image_locale],
                "responses": responses("ImageListing", not_found=False),
            }
        },
        "/api/v2/images/{id}/": {
            "get": {
                "operationId": "get_image",
                "summary": "One image.",
                "parameters": [detail_id, common[2], image_locale],
                "responses": responses("ImageItem"),
            }
        },
        **find_path("images", "Images"),
        "/api/v2/documents/": {
            "get": {
                "operationId": "list_documents",
                "summary": "Public documents (not in restricted collections).",
                "parameters": common + [query("search", STRING, "Full-text search.")],
                "responses": responses("DocumentListing", not_found=False),
            }
        },
        "/api/v2/documents/{id}/": {
            "get": {
                "operationId": "get_document",
                "summary": "One document.",
                "parameters": [detail_id, common[2]],
                "responses": responses("DocumentItem"),
            }
        },
        **find_path("documents", "Documents"),
        **find_path("pages", "Pages", by_path=True),
    }
    for contributed in registry.api_endpoints():
        result.update(snippet_paths(contributed))
    # Query parameters that an operation does not list are refused with a 400.
    return result


def build_document(request=None):
    server = root_url(request) if request is not None else "/"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kommunale Zusammenarbeit Maghreb-Deutschland – content API",
            "version": "2.0",
            "description": "Read-only API (Wagtail API v2) for calls for participation, events, topics, "
            "programme pages and reference data in German, French, Arabic (Algeria) and English. "
            "Every answer carries an ETag (no Last-Modified: no date bounds every change of an answer); "
            "send If-None-Match to get 304 Not Modified. Errors are JSON objects with a message. "
            "See docs/api.md for examples.",
        },
        "servers": [{"url": server}],
        "paths": paths(),
        "components": {"schemas": schemas(), "parameters": common_parameters()},
    }
