"""Real responses of every endpoint validate against the OpenAPI document."""

import jsonschema
import pytest
from jsonschema.validators import Draft202012Validator

from cms.api.openapi import build_document

pytestmark = pytest.mark.django_db


def validator_for(document, name):
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check(client, url, schema_name, status=200, **params):
    document = client.get("/api/v2/openapi.json").json()
    response = client.get(url, params)
    assert response.status_code == status, response.content[:300]
    validator_for(document, schema_name).validate(response.json())
    return response.json()


def test_document_is_valid_openapi(client, api_content):
    document = client.get("/api/v2/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    for path in (
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/organisations/",
        "/api/v2/places/",
        "/api/v2/partnerships/",
        "/api/v2/page_preview/",
    ):
        assert path in document["paths"]
    jsonschema.Draft202012Validator.check_schema({"$defs": document["components"]["schemas"]})


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": "programmes.CallForParticipationPage", "fields": "*"},
        {"type": "programmes.EventPage", "fields": "*"},
        {"type": "programmes.TopicPage", "fields": "*"},
        {"type": "programmes.ProgrammePage", "fields": "*"},
        {"type": "programmes.ProgrammePhasePage", "fields": "*"},
        {"type": "home.HomePage", "fields": "*"},
        {"locale": "fr"},
    ],
)
def test_page_listings_match(client, api_content, params):
    check(client, "/api/v2/pages/", "PageListing", **params)


def test_every_page_detail_matches(client, api_content):
    listing = client.get("/api/v2/pages/", {"limit": 50}).json()
    assert listing["items"]
    for item in listing["items"]:
        check(client, f"/api/v2/pages/{item['id']}/", "Page")


@pytest.mark.parametrize(
    "endpoint,schema",
    [
        ("organisations", "Organisation"),
        ("places", "Place"),
        ("countries", "Country"),
        ("regions", "Region"),
        ("partnerships", "Partnership"),
        ("images", "Image"),
        ("documents", "Document"),
    ],
)
def test_snippet_and_media_endpoints_match(client, api_content, image, document, endpoint, schema):
    data = check(client, f"/api/v2/{endpoint}/", f"{schema}Listing", fields="*")
    assert data["items"], endpoint
    check(client, f"/api/v2/{endpoint}/{data['items'][0]['id']}/", f"{schema}Item")


def test_errors_match(client, api_content):
    check(client, "/api/v2/pages/", "Error", status=400, nonsense="1")
    check(client, "/api/v2/pages/999999/", "Error", status=404)


def test_docs_page_lists_every_path(client, api_content):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in build_document()["paths"]:
        assert path in html
    # Self-hosted: nothing loaded from another host.
    assert "https://" not in html.split("<body>")[0]


def test_every_route_of_every_endpoint_is_documented(client, api_content):
    """listing, detail and find (Wagtail registers find/ for every endpoint): each has its path."""
    from cms.api.router import api_router

    paths = build_document()["paths"]
    routes = {"": "/api/v2/{name}/", "<int:pk>/": "/api/v2/{name}/{{id}}/", "find/": "/api/v2/{name}/find/"}
    documented = 0
    for name, endpoint in api_router._endpoints.items():
        for pattern in endpoint.get_urlpatterns():
            path = routes[str(pattern.pattern)].format(name=name)
            assert path in paths, path
            documented += 1
    assert documented >= 25


FINDABLE = [
    ("pages", "Page"),
    ("images", "ImageItem"),
    ("documents", "DocumentItem"),
    ("organisations", "OrganisationItem"),
    ("places", "PlaceItem"),
    ("countries", "CountryItem"),
    ("regions", "RegionItem"),
    ("partnerships", "PartnershipItem"),
]


@pytest.mark.parametrize("endpoint,schema", FINDABLE)
def test_find_by_id_matches(client, api_content, image, document, endpoint, schema):
    document_ = client.get("/api/v2/openapi.json").json()
    operation = document_["paths"][f"/api/v2/{endpoint}/find/"]["get"]
    assert {parameter.get("name") or parameter["$ref"].rsplit("/", 1)[1] for parameter in operation["parameters"]} >= {
        "id",
        "fields",
    }
    listing = client.get(f"/api/v2/{endpoint}/").json()
    pk = listing["items"][0]["id"]
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": pk, "fields": "*"})
    assert response.status_code == 302, response.content[:300]
    assert "302" in operation["responses"]
    location = response["Location"]
    assert location.endswith(f"/api/v2/{endpoint}/{pk}/?fields=%2A")
    detail = client.get(location)
    assert detail.status_code == 200
    validator_for(document_, schema).validate(detail.json())
    # Errors, each documented, each a JSON message.
    for params, status in (
        ({}, 400),
        ({"id": "abc"}, 400),
        ({"id": str(2**31)}, 400),
        ({"id": pk, "colour": "red"}, 400),
        ({"id": "987654"}, 404),
    ):
        response = client.get(f"/api/v2/{endpoint}/find/", params)
        assert response.status_code == status, (params, response.status_code)
        assert str(status) in operation["responses"]
        validator_for(document_, "Error").validate(response.json())


def test_find_page_by_path_matches(client, api_content):
    document_ = client.get("/api/v2/openapi.json").json()
    operation = document_["paths"]["/api/v2/pages/find/"]["get"]
    assert "html_path" in {parameter.get("name") for parameter in operation["parameters"]}
    response = client.get("/api/v2/pages/find/", {"html_path": "/fr/appels/appel-dechets/", "fields": "title"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{api_content.fr_call.pk}/?fields=title")
    validator_for(document_, "Page").validate(client.get(response["Location"]).json())
    for params, status in (({"html_path": "/xx/"}, 400), ({"html_path": "/fr/nope/"}, 404)):
        response = client.get("/api/v2/pages/find/", params)
        assert response.status_code == status
        validator_for(document_, "Error").validate(response.json())


def test_partnership_url_is_documented_and_given(client, api_content):
    data = check(client, "/api/v2/partnerships/", "PartnershipListing")
    item = data["items"][0]
    assert item["url"] == f"http://testserver/de/partnerschaften/{api_content.partnership.pk}-stadt-bonn-annaba/"
    assert client.get(item["url"].replace("http://testserver", "")).status_code == 200
