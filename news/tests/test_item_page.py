"""The item page: facts, linked pages (published ones only), sources and its schema.org NewsArticle."""

import json

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def page_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_news_article(client, news):
    soup = page_soup(client, "/de/aktuelles/auftaktkonferenz/")
    data = json_ld(soup)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Auftaktkonferenz"
    assert data["datePublished"] == "2016-09-04"
    assert data["inLanguage"] == "de"
    assert data["url"] == "http://testserver/de/aktuelles/auftaktkonferenz/"
    assert data["citation"] == ["Website der SKEW", "giz.de, Projekt 38368"]
    assert soup.find("meta", property="og:type")["content"] == "article"


def test_a_year_stays_a_year(client, news):
    soup = page_soup(client, "/de/aktuelles/neuer-name/")
    assert json_ld(soup)["datePublished"] == "2019"
    assert soup.select_one(".article__header time").get_text() == "2019"


def test_linked_pages_are_shown_while_published(client, news):
    soup = page_soup(client, "/de/aktuelles/auftaktkonferenz/")
    assert [a.get_text() for a in soup.select(".related-pages a")] == [
        news.programme.title,
        "Aufruf Abfall",
        "Fachaustausch",
    ]
    news.event.unpublish()  # a new content generation: the page works its links out again
    soup = page_soup(client, "/de/aktuelles/auftaktkonferenz/")
    assert [a.get_text() for a in soup.select(".related-pages a")] == [news.programme.title, "Aufruf Abfall"]
