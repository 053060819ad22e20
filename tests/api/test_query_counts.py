"""List endpoints cost the same number of queries for 10 and for 100 items (pinned)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.factories import (
    CallForParticipationPageFactory,
    EventPageFactory,
    OrganisationFactory,
    PartnershipFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

CALL = "programmes.CallForParticipationPage"

# (url, params) → queries, whatever the number of items.
BUDGETS = {
    ("/api/v2/pages/", ()): 6,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"),)): 11,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"), ("locale", "de"), ("fields", "*"))): 18,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("upcoming", "true"))): 11,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("fields", "*"))): 11,
    # search: the site search's ranking and count (search.query), then the same preparation as a listing.
    # SQLite reads the relevance ranking in a query of its own (search/backends/sqlite.py): one more.
    ("/api/v2/pages/", (("search", "Massenaufruf"),)): {"sqlite": 7, "postgresql": 6},
    ("/api/v2/pages/", (("type", CALL), ("locale", "de"), ("search", "Massenaufruf"))): {
        "sqlite": 14,
        "postgresql": 13,
    },
    (
        "/api/v2/pages/",
        (("type", CALL), ("search", "Massenaufruf"), ("order", "-deadline")),
    ): 11,
    # +1 for the partnership indexes their url field points into.
    ("/api/v2/partnerships/", ()): 9,
    ("/api/v2/partnerships/", (("search", "Stadt"),)): {"sqlite": 10, "postgresql": 9},
    ("/api/v2/partnerships/", (("search", "Stadt"), ("locale", "de"))): {"sqlite": 12, "postgresql": 11},
    ("/api/v2/organisations/", ()): 4,
    ("/api/v2/places/", ()): 4,
    # +2: the listing page (rel="alternate") and the Site (the feed's own address).
    ("/de/feeds/calls.atom", ()): 6,
    ("/de/feeds/events.atom", ()): 6,
    ("/de/calendar/events.ics", ()): 4,
    ("/sitemap.xml", ()): 6,  # +2: the partnership indexes and the partnerships
    # The widget's frame: its script reads the API above; the frame itself only finds the index links.
    ("/widget/", (("kind", "calls"), ("lang", "fr"))): 2,
    ("/widget/", (("kind", "events"), ("lang", "ar-dz"))): 2,
}


def count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, dict(params))
    assert response.status_code == 200, response.content[:300]
    return len(queries), response


@pytest.fixture
def many(world):
    for n in range(100):
        CallForParticipationPageFactory(
            title=f"Massenaufruf {n}",
            topics=[world.waste, world.water],
            countries=[world.dz],
            eligible_types=[world.staedte],
            phase=world.phase,
        )
        EventPageFactory(
            title=f"Massenveranstaltung {n}",
            event_format="hybrid",
            venue=VenueFactory(),
            topics=[world.waste],
            countries=[world.tn],
            organiser=OrganisationFactory(),
            related_call=world.call,
        )
        PartnershipFactory(topics=[world.waste], phase=world.phase)
    return world


def test_flat_query_counts(client, many, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    measured = {}
    for url, params in BUDGETS:
        client.get(url, dict(params))  # warm the per-process caches (site root paths, content types)
        few, _ = count(client, url, params + (("limit", "10"),) if url.startswith("/api/") else params)
        lots, response = count(client, url, params + (("limit", "100"),) if url.startswith("/api/") else params)
        if url.startswith("/api/"):
            assert len(response.json()["items"]) == 100, url
        measured[(url, params)] = (few, lots)
    for key, (few, lots) in measured.items():
        assert few == lots, (key, few, lots)
        budget = BUDGETS[key]
        assert lots == (budget[connection.vendor] if isinstance(budget, dict) else budget), str(measured)
