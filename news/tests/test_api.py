"""/api/v2/pages/?type=news.NewsItemPage: fields, filters, ordering, and answers valid under the OpenAPI document."""

import pytest
from jsonschema.validators import Draft202012Validator

pytestmark = pytest.mark.django_db

NEWS = "news.NewsItemPage"


def validate(client, data, schema_name):
    document = client.get("/api/v2/openapi.json").json()
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)


def titles(client, **params):
    response = client.get("/api/v2/pages/", {"type": NEWS, "locale": "de", **params})
    assert response.status_code == 200, response.content[:300]
    return [item["title"] for item in response.json()["items"]]


def test_every_field_of_an_item(client, news):
    response = client.get(f"/api/v2/pages/{news.kick_off.pk}/")
    assert response.status_code == 200
    data = response.json()
    validate(client, data, "Page")
    assert data["date"] == "2016-09-04"
    assert data["date_precision"] == "day"
    assert data["sources"] == ["Website der SKEW", "giz.de, Projekt 38368"]
    assert [topic["slug"] for topic in data["topics"]] == ["abfallwirtschaft"]
    assert {country["code"] for country in data["countries"]} == {"DZ", "TN"}
    assert data["related_programme"]["slug"] == "programm"
    assert data["related_call"]["slug"] == "aufruf-abfall"
    assert data["related_event"]["slug"] == "fachaustausch"
    assert data["image"] is None


def test_listing_with_every_field_validates(client, news):
    response = client.get("/api/v2/pages/", {"type": NEWS, "fields": "*"})
    assert response.status_code == 200
    validate(client, response.json(), "PageListing")
    index = client.get("/api/v2/pages/", {"type": "news.NewsIndexPage", "fields": "*"}).json()
    validate(client, index, "PageListing")
    assert index["items"][0]["intro"] == "Neues aus dem Vorhaben."


def test_listing_shows_date_and_summary_without_asking(client, news):
    item = client.get("/api/v2/pages/", {"type": NEWS, "locale": "de"}).json()["items"][0]
    assert {"date", "date_precision", "summary", "topics", "countries"} <= set(item)


def test_filters_topic_and_country(client, news):
    assert titles(client, topic="wasser") == ["Wassermeldung"]
    assert titles(client, topic=str(news.waste.pk)) == ["Auftaktkonferenz"]
    assert sorted(titles(client, country="tn")) == ["Auftaktkonferenz", "Neuer Name"]


def test_order_by_date(client, news):
    assert titles(client, order="date") == ["Auftaktkonferenz", "Neuer Name", "Wassermeldung", "Jüngste Meldung"]
    assert titles(client, order="-date")[0] == "Jüngste Meldung"


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"topic": "gibt-es-nicht"}, "unknown topic"),
        ({"country": "Algerien"}, "country"),
        ({"order": "date", "type": "programmes.EventPage"}, "order=date needs type=news.NewsItemPage"),
    ],
)
def test_bad_values_are_a_400_with_a_message(client, news, params, words):
    response = client.get("/api/v2/pages/", {"type": NEWS, **params})
    assert response.status_code == 400
    assert words in response.json()["message"]


def test_the_document_describes_news(client, news):
    document = client.get("/api/v2/openapi.json").json()
    page = document["components"]["schemas"]["Page"]["properties"]
    for name in ("date", "date_precision", "related_programme", "related_call", "related_event", "sources"):
        assert name in page, name
    parameters = [p for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"] if "name" in p]
    order = next(p for p in parameters if p["name"] == "order")
    assert {"date", "-date"} <= set(order["schema"]["enum"])
