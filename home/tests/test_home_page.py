"""The home page: what it highlights (open calls, upcoming events, the network in figures)."""

import datetime

import pytest
from django.utils import timezone

from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    PartnershipFactory,
    ProgrammePageFactory,
    translate_page,
)

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def test_open_calls_closing_soonest_first_at_most_three(client, site):
    for n in (40, 10, 30, 20):
        CallForParticipationPageFactory(title=f"Frist in {n} Tagen", deadline=days(n))
    CallForParticipationPageFactory(title="Noch nicht offen", opening=days(2), deadline=days(5))
    CallForParticipationPageFactory(title="Geschlossen", opening=days(-20), deadline=days(-1))
    response = client.get("/de/")
    assert response.status_code == 200
    assert [c.title for c in response.context["open_calls"]] == [
        "Frist in 10 Tagen",
        "Frist in 20 Tagen",
        "Frist in 30 Tagen",
    ]


def test_upcoming_events_soonest_first_at_most_three(client, site):
    for n in (9, 3, 6, 12):
        EventPageFactory(title=f"In {n} Tagen", start=days(n), end=days(n) + datetime.timedelta(hours=1))
    EventPageFactory(title="Vorbei", start=days(-3), end=days(-3) + datetime.timedelta(hours=1))
    response = client.get("/de/")
    assert [e.title for e in response.context["upcoming_events"]] == ["In 3 Tagen", "In 6 Tagen", "In 9 Tagen"]
    assert "Vorbei" not in response.content.decode()


def test_network_figures(client, site):
    PartnershipFactory(german_partner="Trier", maghreb_partner="Chefchaouen", country=CountryFactory(code="MA"))
    PartnershipFactory(german_partner="Trier", maghreb_partner="Tétouan", country=CountryFactory(code="MA"))
    PartnershipFactory(german_partner="Wolfsburg", maghreb_partner="Jendouba", country=CountryFactory(code="TN"))
    network = client.get("/de/").context["network"]
    assert network == {"partnerships": 3, "german_partners": 2, "maghreb_partners": 3, "countries": 2}


def test_featured_programme_in_visitor_language_and_never_a_draft(client, site):
    programme = ProgrammePageFactory(parent=site.home)
    site.home.featured_programme = programme
    site.home.save()
    assert client.get("/de/").context["featured_programme"] == programme

    translate_page(site.home, "fr", title="Accueil")
    french = translate_page(programme, "fr", title="Coopération municipale Maghreb-Allemagne")
    assert client.get("/fr/").context["featured_programme"].title == french.title

    french.unpublish()
    assert client.get("/fr/").context["featured_programme"].title == programme.title

    programme.unpublish()
    assert client.get("/de/").context["featured_programme"] is None
