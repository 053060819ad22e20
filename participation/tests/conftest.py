"""Fixtures: an upcoming event with registration, an open call, and helpers to post the forms."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from programmes.factories import (
    ApplicantTypeFactory,
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    RegionFactory,
    TopicPageFactory,
)


@pytest.fixture
def tx_site(transactional_db):
    """The minimal site in a transactional test (the flush between such tests removes Wagtail's root page)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from home.factories import build_minimal_site

    Locale.objects.get_or_create(language_code="de")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    return build_minimal_site()


@pytest.fixture
def event(site):
    return EventPageFactory(
        title="Netzwerktreffen",
        slug="netzwerktreffen",
        capacity=2,
        online_url="https://meet.example.org/secret-room-4711",
        online_platform="BigBlueButton",
    )


@pytest.fixture
def call(site):
    topics = [TopicPageFactory(title="Wasser", slug="wasser"), TopicPageFactory(title="Abfall", slug="abfall")]
    return CallForParticipationPageFactory(
        title="Aufruf Partnerschaften",
        slug="aufruf-partnerschaften",
        eligible_types=[ApplicantTypeFactory(name="Städte", code="staedte"), ApplicantTypeFactory(name="Landkreise")],
        topics=topics,
        countries=[CountryFactory(code="DZ"), CountryFactory(code="TN")],
    )


@pytest.fixture
def lands(db):
    return [RegionFactory(code="DE-BY", name="Bayern"), RegionFactory(code="DE-NW", name="Nordrhein-Westfalen")]


def form_token(response):
    match = re.search(r'name="submission_token" value="([^"]+)"', response.content.decode())
    assert match, "the page has no submission token"
    return match.group(1)


_counter = iter(range(10**6))


def registration_data(**overrides):
    data = {
        "name": "Erika Mustermann",
        "organisation": "Stadt Musterstadt",
        "role": "Partnerschaftsbeauftragte",
        "email": "erika@example.org",
        "language": "de",
        "needs": "",
        "consent": "on",
        "website": "",
        "submission_token": f"token-{next(_counter):08d}-abcdefgh",
    }
    data.update(overrides)
    return data


def register(client, page, **overrides):
    return client.post(f"/de/participation/events/{page.pk}/register/", registration_data(**overrides))


def interest_data(call, lands, **overrides):
    data = {
        "organisation_name": "Stadt Musterstadt",
        "applicant_type": str(call.eligible_types.first().translation_key),
        "german_state": lands[0].code,
        "contact_person": "Max Muster",
        "email": "max@example.org",
        "topics": [str(call.topics.first().translation_key)],
        "partner_country": "DZ",
        "message": "Wir haben Interesse.",
        "consent": "on",
        "website": "",
        "submission_token": f"token-{next(_counter):08d}-abcdefgh",
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _send_at_once(request, monkeypatch):
    """The tests run inside one transaction that never commits, so on_commit would never fire:
    send at once instead. Transactional tests keep the real behaviour."""
    if "transactional_db" in request.fixturenames:
        return
    monkeypatch.setattr("participation.mail.transaction.on_commit", lambda func, **kwargs: func())


@pytest.fixture
def mailbox():
    mail.outbox.clear()
    return mail.outbox


def days(n):
    return timezone.now() + datetime.timedelta(days=n)
