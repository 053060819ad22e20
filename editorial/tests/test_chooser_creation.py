"""Venues, organisations and contact points created from the chooser in the event form, in the page's
language and with the editor's own permissions (cms/snippet_choosers.py)."""

import json

import pytest
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

from programmes.factories import CountryFactory, OrganisationFactory
from programmes.models import ContactPoint, Organisation, Venue

from .conftest import locale

pytestmark = pytest.mark.django_db


def create_url(model, code):
    return reverse(f"{model.snippet_viewset.chooser_viewset.name}:create") + f"?locale={code}"


def chooser_url(model, code):
    return reverse(f"{model.snippet_viewset.chooser_viewset.name}:choose") + f"?locale={code}"


def test_the_chooser_offers_a_creation_form_in_the_pages_language(client, users):
    client.force_login(users.editor)
    html = json.loads(client.get(chooser_url(Venue, "de")).content)["html"]
    assert create_url(Venue, "de").replace("&", "&amp;") in html
    fragment = json.loads(client.get(create_url(Venue, "de")).content)["htmlFragment"]
    assert 'name="locality"' in fragment and 'name="country"' in fragment


def test_redaktion_creates_a_venue_in_german(client, users):
    country = CountryFactory(code="TN")
    client.force_login(users.editor)
    response = client.post(create_url(Venue, "de"), {"name": "Stadthalle", "locality": "Tunis", "country": country.pk})
    data = json.loads(response.content)
    assert data["step"] == "chosen"
    venue = Venue.objects.get(name="Stadthalle")
    assert venue.locale == locale("de") and data["result"]["id"] == str(venue.pk)
    assert log_registry.get_logs_for_instance(venue).filter(action="wagtail.create", user=users.editor).exists()


def test_redaktion_creates_organisations_and_contacts_too(client, users):
    country = CountryFactory(code="DZ")
    client.force_login(users.editor)
    client.post(
        create_url(Organisation, "de"),
        {"name": "Stadt Oran", "kind": Organisation.Kind.values[0], "country": country.pk},
    )
    organisation = Organisation.objects.get(name="Stadt Oran")
    assert organisation.locale == locale("de")
    response = client.post(
        create_url(ContactPoint, "de"),
        {"title": "Kontakt Oran", "organisation": organisation.pk, "email": "oran@example.org"},
    )
    assert json.loads(response.content)["step"] == "chosen", response.content
    assert ContactPoint.objects.get(title="Kontakt Oran").locale == locale("de")


def test_only_organisations_of_the_pages_language_are_offered(client, users):
    german = OrganisationFactory(name="Engagement Global")
    french = german.copy_for_translation(locale("fr"))
    french.save()
    client.force_login(users.editor)
    fragment = json.loads(client.get(create_url(ContactPoint, "de")).content)["htmlFragment"]
    assert f'value="{german.pk}"' in fragment and f'value="{french.pk}"' not in fragment


def test_redaktion_cannot_create_in_another_language(client, users):
    country = CountryFactory(code="MA")
    client.force_login(users.editor)
    response = client.post(create_url(Venue, "fr"), {"name": "Salle", "locality": "Rabat", "country": country.pk})
    assert response.status_code in (302, 403)  # the admin turns "permission denied" into a redirect home
    assert not Venue.objects.filter(name="Salle").exists()


def test_programme_team_cannot_create(client, users):
    country = CountryFactory(code="TN")
    client.force_login(users.team)
    response = client.post(create_url(Venue, "de"), {"name": "Saal", "locality": "Sfax", "country": country.pk})
    assert response.status_code in (302, 403)  # Wagtail sends users without any snippet permission home
    assert not Venue.objects.filter(name="Saal").exists()
