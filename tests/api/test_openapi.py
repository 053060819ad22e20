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


def test_document_is_valid_openapi(client, world):
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
def test_page_listings_match(client, world, params):
    check(client, "/api/v2/pages/", "PageListing", **params)


def test_every_page_detail_matches(client, world):
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
def test_snippet_and_media_endpoints_match(client, world, image, document, endpoint, schema):
    data = check(client, f"/api/v2/{endpoint}/", f"{schema}Listing", fields="*")
    assert data["items"], endpoint
    check(client, f"/api/v2/{endpoint}/{data['items'][0]['id']}/", f"{schema}Item")


def test_errors_match(client, world):
    check(client, "/api/v2/pages/", "Error", status=400, nonsense="1")
    check(client, "/api/v2/pages/999999/", "Error", status=404)


def test_docs_page_lists_every_path(client, world):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in build_document()["paths"]:
        assert path in html
    # Self-hosted: nothing loaded from another host.
    assert "https://" not in html.split("<body>")[0]
