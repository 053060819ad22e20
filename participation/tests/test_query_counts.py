"""The participation pages need a fixed number of queries, however many submissions exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import ExpressionOfInterest, Registration

from .conftest import interest_data, register

pytestmark = pytest.mark.django_db

CEILINGS = {"registration": 20, "interest": 20, "event_with_form": 27}


def queries(client, url):
    client.get(url)  # warm process-wide caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_confirmation_pages_are_flat(client, event, call, lands, settings):
    settings.PARTICIPATION_RATE_LIMIT = 1000
    event.capacity = None
    event.save_revision().publish()
    counts = {}
    for size in (1, 10):
        while Registration.objects.count() < size:
            n = Registration.objects.count()
            register(client, event, email=f"p{n}@example.org")
            client.post(f"/de/participation/calls/{call.pk}/interest/", interest_data(call, lands))
        registration = Registration.objects.first()
        interest = ExpressionOfInterest.objects.first()
        counts[size] = (
            queries(client, f"/de/participation/registrations/{registration.token}/"),
            queries(client, f"/de/participation/interest/{interest.token}/"),
            queries(client, event.url),
        )
    assert counts[1] == counts[10], counts
    registration_queries, interest_queries, event_queries = counts[10]
    assert registration_queries <= CEILINGS["registration"]
    assert interest_queries <= CEILINGS["interest"]
    assert event_queries <= CEILINGS["event_with_form"]
