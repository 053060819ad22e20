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

# (url, params) → queries, whatever the number of items.
BUDGETS = {
    ("/api/v2/pages/", ()): 6,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"),)): 11,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"), ("locale", "de"), ("fields", "*"))): 18,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("upcoming", "true"))): 11,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("fields", "*"))): 11,
    ("/api/v2/partnerships/", ()): 8,
    ("/api/v2/organisations/", ()): 4,
    ("/api/v2/places/", ()): 4,
    ("/de/feeds/calls.atom", ()): 4,
    ("/de/feeds/events.atom", ()): 4,
    ("/de/calendar/events.ics", ()): 4,
    ("/sitemap.xml", ()): 4,
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
        assert lots == BUDGETS[key], str(measured)
