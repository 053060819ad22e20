"""A search's answer (status, results, the page's HTML) is kept in the content cache per address and
language (cms/content_cache.py, search.views.search): a warm search does not search again, and what a
fresh search would show is on the next request after each kind of change (a publish, an unpublish, an
edited partnership, a promotion, the time)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from programmes.factories import CallForParticipationPageFactory, PartnershipFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

URL = "/de/search/?q=Abfall"


def shown(url=URL):
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_warm_search_does_not_search_again(site):
    CallForParticipationPageFactory(title="Aufruf Abfall", topics=[TopicPageFactory(title="Abfallwirtschaft")])
    PartnershipFactory(german_partner="Sindelfingen", focus="Abfall")
    assert "Aufruf Abfall" in shown() and "Sindelfingen" in shown()
    with CaptureQueriesContext(connection) as context:
        assert Client().get(URL).status_code == 200
    sql = " ".join(query["sql"] for query in context.captured_queries)
    for table in ("programmes_callforparticipationpage", "programmes_partnership", "programmes_topicpage"):
        assert f'"{table}"' not in sql, table


def test_publishing_unpublishing_and_editing_show_in_the_results_at_once(site):
    call = CallForParticipationPageFactory(title="Aufruf Abfall")
    partnership = PartnershipFactory(german_partner="Sindelfingen", focus="Abfall")
    assert "Aufruf Abfall" in shown()
    second = CallForParticipationPageFactory(title="Abfall im Quartier")
    assert "Abfall im Quartier" in shown()
    second.unpublish()
    call.title = "Aufruf Abfallvermeidung"
    call.save_revision().publish()
    partnership.german_partner = "Böblingen"
    partnership.save()
    page = shown()
    assert "Abfall im Quartier" not in page and "Aufruf Abfallvermeidung" in page
    assert "Böblingen" in page and "Sindelfingen" not in page


def test_a_new_promotion_shows_at_once(site):
    CallForParticipationPageFactory(title="Aufruf Abfall")
    topic = TopicPageFactory(title="Kreislaufwirtschaft")
    assert b'id="promoted-heading"' not in Client().get(URL).content
    SearchPromotion.objects.create(query=Query.get("Abfall"), page=topic, sort_order=0)
    promoted = BeautifulSoup(Client().get(URL).content, "html.parser").find(class_="search-promoted")
    assert "Kreislaufwirtschaft" in promoted.get_text()


def test_each_address_has_its_own_results_and_status(site):
    for number in range(12):
        CallForParticipationPageFactory(title=f"Aufruf Abfall {number}")
    for _ in range(2):  # the second time from the content cache
        first, second = Client().get(URL), Client().get(f"{URL}&page=2")
        assert first.status_code == second.status_code == 200
        assert first.content.count(b'<li class="search-result">') == 10
        assert second.content.count(b'<li class="search-result">') == 2
        assert Client().get(f"{URL}&page=9").status_code == 404
        assert Client().get(f"{URL}&page=x").status_code == 400
        assert Client().get(f"{URL}&type=nonsense").status_code == 400
        french = shown("/fr/search/?q=Abfall")  # the same address in another language: its own answer
        assert "Résultats" in french and "Ergebnisse" not in french


def test_a_status_badge_goes_the_minute_the_deadline_passes(site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        CallForParticipationPageFactory(title="Aufruf Abfall", deadline=start + timedelta(minutes=10))
        assert b"status--open" in Client().get(URL).content
        clock.tick(timedelta(minutes=9, seconds=59))
        assert b"status--open" in Client().get(URL).content
        clock.tick(timedelta(seconds=1))
        assert b"status--open" not in Client().get(URL).content


def test_each_search_of_a_first_page_is_still_counted(site):
    CallForParticipationPageFactory(title="Aufruf Abfall")
    for _ in range(3):
        shown()
    assert Client().get(f"{URL}&page=2").status_code == 404  # no such page: not an answer, not counted
    assert Query.get("Abfall").hits == 3
