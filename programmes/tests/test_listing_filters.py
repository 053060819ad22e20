"""The call, event and partnership listings under /de/…: filters from the query string, pagination,
and bad input answered with a clear 4xx page (never a 500)."""

import datetime
import html

import pytest
from django.utils import timezone

from programmes.factories import (
    ApplicantTypeFactory,
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    PartnershipFactory,
    RegionFactory,
    TopicPageFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def days(n, hours=0):
    return timezone.now() + datetime.timedelta(days=n, hours=hours)


@pytest.fixture
def filter_choices(site):
    for code in ("DZ", "MA", "TN", "DE"):
        CountryFactory(code=code)
    topics = {
        "abfall": TopicPageFactory(title="Abfallmanagement", slug="abfallmanagement"),
        "energie": TopicPageFactory(title="Energieeffizienz", slug="energieeffizienz"),
    }
    types = {
        "staedte": ApplicantTypeFactory(name="Städte", code="staedte"),
        "gemeinden": ApplicantTypeFactory(name="Gemeinden", code="gemeinden"),
    }
    return {"site": site, "topics": topics, "types": types}


def titles(response):
    return [getattr(item, "title", None) or str(item) for item in response.context["items"]]


def assert_bad_input(response, status, *fragments):
    """A 4xx answer whose notice names the problem, visibly in the page."""
    assert response.status_code == status
    messages = response.context["filter_messages"]
    assert messages, "expected a notice explaining the bad input"
    page_text = html.unescape(response.content.decode())
    for message in messages:
        assert message in page_text
    for fragment in fragments:
        assert any(fragment in message for message in messages), (fragment, messages)


class TestCallFilters:
    URL = "/de/aufrufe/"

    @pytest.fixture
    def calls(self, filter_choices):
        t, ty = filter_choices["topics"], filter_choices["types"]
        return [
            CallForParticipationPageFactory(
                title="Aufruf Algerien",
                opening=days(-5),
                deadline=days(20),
                topics=[t["abfall"]],
                countries=[CountryFactory(code="DZ")],
                eligible_types=[ty["staedte"]],
            ),
            CallForParticipationPageFactory(
                title="Aufruf Tunesien",
                opening=days(5),
                deadline=days(40),
                topics=[t["energie"]],
                countries=[CountryFactory(code="TN")],
                eligible_types=[ty["gemeinden"]],
            ),
            CallForParticipationPageFactory(
                title="Aufruf Marokko",
                opening=days(-60),
                deadline=days(-10),
                topics=[t["abfall"], t["energie"]],
                countries=[CountryFactory(code="MA")],
                eligible_types=[ty["staedte"], ty["gemeinden"]],
            ),
        ]

    def test_unfiltered_lists_all_latest_deadline_first(self, client, calls):
        response = client.get(self.URL)
        assert response.status_code == 200
        assert titles(response) == ["Aufruf Tunesien", "Aufruf Algerien", "Aufruf Marokko"]
        assert response.context["filter_messages"] == []
        for call in calls:
            assert call.title in response.content.decode()

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"status": "open"}, ["Aufruf Algerien"]),
            ({"status": "upcoming"}, ["Aufruf Tunesien"]),
            ({"status": "closed"}, ["Aufruf Marokko"]),
            ({"topic": "abfallmanagement"}, ["Aufruf Algerien", "Aufruf Marokko"]),
            ({"topic": "energieeffizienz"}, ["Aufruf Tunesien", "Aufruf Marokko"]),
            ({"country": "DZ"}, ["Aufruf Algerien"]),
            ({"country": "MA"}, ["Aufruf Marokko"]),
            ({"eligible": "staedte"}, ["Aufruf Algerien", "Aufruf Marokko"]),
            ({"eligible": "gemeinden"}, ["Aufruf Tunesien", "Aufruf Marokko"]),
            ({"topic": "abfallmanagement", "status": "closed", "eligible": "gemeinden"}, ["Aufruf Marokko"]),
            ({"topic": "energieeffizienz", "country": "DZ"}, []),
        ],
    )
    def test_filters(self, client, calls, query, expected):
        response = client.get(self.URL, query)
        assert response.status_code == 200
        assert titles(response) == expected
        body = response.content.decode()
        for call in calls:
            assert (call.title in body) == (call.title in expected), call.title

    @pytest.mark.parametrize(
        ("query", "value"),
        [
            ({"status": "bogus"}, "bogus"),
            ({"topic": "quantenphysik"}, "quantenphysik"),
            ({"country": "XX"}, "XX"),
            ({"country": "DE"}, "DE"),  # German municipalities are on every call; not a filter value
            ({"eligible": "niemand"}, "niemand"),
        ],
    )
    def test_unknown_value_is_400_with_notice_and_ignored(self, client, calls, query, value):
        response = client.get(self.URL, query)
        assert_bad_input(response, 400, value)
        assert len(titles(response)) == 3  # the bad filter is ignored, not applied

    def test_valid_filters_still_apply_beside_a_bad_one(self, client, calls):
        response = client.get(self.URL, {"status": "open", "country": "XX"})
        assert_bad_input(response, 400, "XX")
        assert titles(response) == ["Aufruf Algerien"]

    def test_markup_in_a_bad_value_is_escaped(self, client, calls):
        response = client.get(self.URL, {"topic": '<script>alert("x")</script>'})
        assert response.status_code == 400
        assert "<script>alert" not in response.content.decode()
        assert "&lt;script&gt;" in response.content.decode()


class TestEventFilters:
    URL = "/de/veranstaltungen/"

    @pytest.fixture
    def events(self, filter_choices):
        t = filter_choices["topics"]
        return [
            EventPageFactory(
                title="Online-Infoworkshop",
                start=days(10),
                end=days(10, 2),
                topics=[t["abfall"]],
                countries=[CountryFactory(code="DZ")],
            ),
            EventPageFactory(
                title="Treffen in Tunis",
                start=days(40),
                end=days(40, 3),
                event_format="on_site",
                venue=VenueFactory(locality="Tunis", country=CountryFactory(code="TN")),
                topics=[t["energie"]],
                countries=[CountryFactory(code="TN")],
            ),
            EventPageFactory(
                title="Rückblick-Konferenz",
                start=days(-30),
                end=days(-30, 5),
                event_format="hybrid",
                venue=VenueFactory(),
                topics=[t["abfall"]],
                countries=[CountryFactory(code="MA")],
            ),
            EventPageFactory(title="Vergangenes Webinar", start=days(-60), end=days(-60, 1)),
        ]

    def test_default_is_upcoming_soonest_first(self, client, events):
        response = client.get(self.URL)
        assert response.status_code == 200
        assert titles(response) == ["Online-Infoworkshop", "Treffen in Tunis"]
        assert "Rückblick-Konferenz" not in response.content.decode()

    def test_past_latest_first(self, client, events):
        response = client.get(self.URL, {"when": "past"})
        assert titles(response) == ["Rückblick-Konferenz", "Vergangenes Webinar"]

    def test_date_range(self, client, events):
        today = timezone.localdate()
        in_20_days = (today + datetime.timedelta(days=20)).isoformat()
        assert titles(client.get(self.URL, {"date_from": in_20_days})) == ["Treffen in Tunis"]
        assert titles(client.get(self.URL, {"date_to": in_20_days})) == ["Online-Infoworkshop"]
        since = (today - datetime.timedelta(days=45)).isoformat()
        assert titles(client.get(self.URL, {"when": "past", "date_from": since})) == ["Rückblick-Konferenz"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"format": "online"}, ["Online-Infoworkshop"]),
            ({"format": "on_site"}, ["Treffen in Tunis"]),
            ({"format": "hybrid", "when": "past"}, ["Rückblick-Konferenz"]),
            ({"topic": "energieeffizienz"}, ["Treffen in Tunis"]),
            ({"topic": "abfallmanagement", "when": "past"}, ["Rückblick-Konferenz"]),
            ({"country": "DZ"}, ["Online-Infoworkshop"]),
            ({"country": "MA"}, []),
        ],
    )
    def test_filters(self, client, events, query, expected):
        response = client.get(self.URL, query)
        assert response.status_code == 200
        assert titles(response) == expected

    @pytest.mark.parametrize(
        ("query", "fragment"),
        [
            ({"when": "later"}, "later"),
            ({"format": "vr"}, "vr"),
            ({"topic": "nichts"}, "nichts"),
            ({"country": "FR"}, "FR"),
            ({"date_from": "2021-13-45"}, "JJJJ-MM-TT"),
            ({"date_to": "morgen"}, "JJJJ-MM-TT"),
            ({"date_from": "23.03.2021"}, "JJJJ-MM-TT"),
        ],
    )
    def test_bad_input_is_400_with_notice(self, client, events, query, fragment):
        response = client.get(self.URL, query)
        assert_bad_input(response, 400, fragment)
        assert titles(response) == ["Online-Infoworkshop", "Treffen in Tunis"]

    def test_malformed_dates_name_which_date(self, client, events):
        response = client.get(self.URL, {"date_from": "x", "date_to": "y"})
        assert_bad_input(response, 400)
        assert len(response.context["filter_messages"]) == 2


class TestPartnershipFilters:
    URL = "/de/partnerschaften/"

    @pytest.fixture
    def partnerships(self, filter_choices):
        t = filter_choices["topics"]
        return [
            PartnershipFactory(
                german_partner="Sindelfingen",
                maghreb_partner="Annaba",
                country=CountryFactory(code="DZ"),
                german_state=RegionFactory(code="DE-BW", name="Baden-Württemberg"),
                topics=[t["abfall"]],
            ),
            PartnershipFactory(
                german_partner="München",
                maghreb_partner="Kasserine",
                country=CountryFactory(code="TN"),
                german_state=RegionFactory(code="DE-BY", name="Bayern"),
                topics=[t["energie"]],
            ),
            PartnershipFactory(
                german_partner="Stralsund",
                maghreb_partner="Meknès",
                country=CountryFactory(code="MA"),
                german_state=RegionFactory(code="DE-MV", name="Mecklenburg-Vorpommern"),
            ),
        ]

    def test_unfiltered(self, client, partnerships):
        response = client.get(self.URL)
        assert response.status_code == 200
        assert titles(response) == ["Sindelfingen – Annaba", "Stralsund – Meknès", "München – Kasserine"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"country": "TN"}, ["München – Kasserine"]),
            ({"topic": "abfallmanagement"}, ["Sindelfingen – Annaba"]),
            ({"land": "DE-BY"}, ["München – Kasserine"]),
            ({"land": "DE-MV", "country": "MA"}, ["Stralsund – Meknès"]),
            ({"land": "DE-BY", "country": "DZ"}, []),
        ],
    )
    def test_filters(self, client, partnerships, query, expected):
        response = client.get(self.URL, query)
        assert response.status_code == 200
        assert titles(response) == expected
        for item in expected:
            assert item.split(" – ")[0] in response.content.decode()

    @pytest.mark.parametrize(("query", "fragment"), [({"land": "DE-XX"}, "DE-XX"), ({"country": "ZZ"}, "ZZ")])
    def test_unknown_value_is_400(self, client, partnerships, query, fragment):
        assert_bad_input(client.get(self.URL, query), 400, fragment)


class TestPagination:
    URL = "/de/aufrufe/"

    @pytest.fixture
    def twelve_calls(self, filter_choices):
        return [
            CallForParticipationPageFactory(title=f"Aufruf {n:02d}", deadline=days(10 + n), opening=days(-1))
            for n in range(12)
        ]

    def test_ten_per_page(self, client, twelve_calls):
        first = client.get(self.URL)
        assert first.status_code == 200
        assert titles(first) == [f"Aufruf {n:02d}" for n in range(11, 1, -1)]
        assert first.context["page_obj"].paginator.num_pages == 2
        second = client.get(self.URL, {"page": "2"})
        assert second.status_code == 200
        assert titles(second) == ["Aufruf 01", "Aufruf 00"]

    def test_pagination_keeps_filters(self, client, twelve_calls):
        response = client.get(self.URL, {"status": "open", "page": "2"})
        assert response.status_code == 200
        assert response.context["filter_query"] == "status=open"
        assert "status=open&amp;page=1" in response.content.decode()

    @pytest.mark.parametrize("number", ["abc", "1.5", "-"])
    def test_page_not_a_number_is_400(self, client, twelve_calls, number):
        response = client.get(self.URL, {"page": number})
        assert_bad_input(response, 400)
        assert response.context["items"] == []

    @pytest.mark.parametrize("number", ["999", "3", "0", "-1"])
    def test_page_out_of_range_is_404_with_message(self, client, twelve_calls, number):
        response = client.get(self.URL, {"page": number})
        assert_bad_input(response, 404, number)
        assert response.context["items"] == []

    @pytest.mark.parametrize("url", ["/de/veranstaltungen/", "/de/partnerschaften/"])
    def test_other_listings_too(self, client, filter_choices, url):
        assert client.get(url, {"page": "abc"}).status_code == 400
        assert_bad_input(client.get(url, {"page": "999"}), 404, "999")
