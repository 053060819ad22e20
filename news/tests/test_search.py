"""The site search finds news, and the result line news would contribute (news/search.py)."""

import pytest

from news.search import result_line

pytestmark = pytest.mark.django_db


def test_the_site_search_finds_an_item(client, news):
    response = client.get("/de/search/", {"q": "Auftaktkonferenz"})
    assert response.status_code == 200
    assert "/de/aktuelles/auftaktkonferenz/" in response.content.decode()


def test_result_line_gives_the_date_or_the_year_the_sources_give(news):
    assert result_line(news.kick_off) == {"date": news.kick_off.date, "year_only": False}
    assert result_line(news.renamed) == {"date": news.renamed.date, "year_only": True}
