"""The news listing: newest first, filters by topic and country, bad values answered with a notice."""

import pytest
from bs4 import BeautifulSoup

from news.factories import NewsItemPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".listing__results .card__title")]


def test_newest_first_with_dates_as_the_sources_give_them(client, news):
    response = client.get("/de/aktuelles/")
    assert response.status_code == 200
    assert titles(response) == ["Jüngste Meldung", "Wassermeldung", "Neuer Name", "Auftaktkonferenz"]
    html = response.content.decode()
    assert '<time datetime="2019">2019</time>' in html  # year precision: the year only
    assert '<time datetime="2016-09-04">4. September 2016</time>' in html


def test_filter_by_topic_and_country(client, news):
    assert titles(client.get("/de/aktuelles/", {"topic": "wasser"})) == ["Wassermeldung"]
    assert titles(client.get("/de/aktuelles/", {"country": "TN"})) == ["Neuer Name", "Auftaktkonferenz"]
    assert titles(client.get("/de/aktuelles/", {"country": "DZ", "topic": "abfallwirtschaft"})) == ["Auftaktkonferenz"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"topic": "gibt-es-nicht"}, "Es gibt kein Thema „gibt-es-nicht“; es werden alle Themen angezeigt."),
        ({"country": "XX"}, "Es gibt kein Land „XX“; es werden alle Länder angezeigt."),
    ],
)
def test_a_bad_filter_value_is_named_and_ignored(client, news, params, message):
    response = client.get("/de/aktuelles/", params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(titles(response)) == 4


def test_pagination(client, news):
    for n in range(8):
        NewsItemPageFactory(title=f"Weitere Meldung {n}")
    first = client.get("/de/aktuelles/")
    assert len(titles(first)) == 10
    assert len(titles(client.get("/de/aktuelles/", {"page": "2"}))) == 2
    assert client.get("/de/aktuelles/", {"page": "3"}).status_code == 404
    assert client.get("/de/aktuelles/", {"page": "zwei"}).status_code == 400


def test_drafts_and_private_items_are_not_listed(client, news):
    news.latest.unpublish()
    assert "Jüngste Meldung" not in titles(client.get("/de/aktuelles/"))


def test_a_published_change_shows_at_once_in_the_cached_listing(client, news):
    assert "Wassermeldung" in titles(client.get("/de/aktuelles/"))  # now in the content cache
    news.water_news.title = "Wassermeldung (aktualisiert)"
    news.water_news.save_revision().publish()
    assert "Wassermeldung (aktualisiert)" in titles(client.get("/de/aktuelles/"))
