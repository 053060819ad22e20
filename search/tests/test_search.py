"""Site search: live pages in the visitor's language, paginated, bad page numbers as 4xx."""

import pytest

from programmes.factories import CallForParticipationPageFactory, EventPageFactory, translate_page

pytestmark = pytest.mark.django_db


def found(response):
    return [page.title for page in response.context["page_obj"].object_list]


def test_finds_pages_by_title_and_summary(client, site):
    CallForParticipationPageFactory(title="Aufruf Energieeffizienz", summary="Kommunen gesucht.")
    EventPageFactory(title="Infoworkshop", summary="Alles über Energieeffizienz in Kommunen.")
    response = client.get("/de/search/", {"q": "Energieeffizienz"})
    assert response.status_code == 200
    assert sorted(found(response)) == ["Aufruf Energieeffizienz", "Infoworkshop"]
    assert "Aufruf <mark>Energieeffizienz</mark>" in response.content.decode()


def test_empty_query_shows_the_form_only(client, site):
    response = client.get("/de/search/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert response.context["search_query"] == ""


def test_only_the_visitors_language(client, site):
    call = CallForParticipationPageFactory(title="Aufruf Wasserwirtschaft")
    translate_page(site.home, "fr", title="Accueil")
    translate_page(call, "fr", title="Appel Gestion eau", summary="Des communes recherchées.")
    assert found(client.get("/de/search/", {"q": "Wasserwirtschaft"})) == ["Aufruf Wasserwirtschaft"]
    assert found(client.get("/fr/search/", {"q": "Gestion"})) == ["Appel Gestion eau"]
    assert found(client.get("/fr/search/", {"q": "Wasserwirtschaft"})) == []


def test_very_long_query_is_cut_not_an_error(client, site):
    response = client.get("/de/search/", {"q": "Wort " * 200})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


@pytest.fixture
def twelve_calls(site):
    return [CallForParticipationPageFactory(title=f"Sonderaufruf {n}") for n in range(12)]


def test_pagination(client, twelve_calls):
    assert len(found(client.get("/de/search/", {"q": "Sonderaufruf"}))) == 10
    assert len(found(client.get("/de/search/", {"q": "Sonderaufruf", "page": "2"}))) == 2


def test_page_not_a_number_is_400(client, twelve_calls):
    response = client.get("/de/search/", {"q": "Sonderaufruf", "page": "abc"})
    assert response.status_code == 400
    assert response.context["search_messages"]
    assert response.context["search_messages"][0] in response.content.decode()


def test_page_out_of_range_is_404_with_message(client, twelve_calls):
    response = client.get("/de/search/", {"q": "Sonderaufruf", "page": "999"})
    assert response.status_code == 404
    assert "999" in response.context["search_messages"][0]
    assert response.context["search_messages"][0] in response.content.decode()
