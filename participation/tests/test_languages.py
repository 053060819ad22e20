"""Every language version counts against the source page, and tells people things in their language."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale

from home.factories import StandardPageFactory
from home.models import SiteSettings
from participation.models import Registration
from programmes.factories import publish_ancestors_in, translate_page

from .conftest import interest_data, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_fr(event):
    """A French translation whose copies of schedule, deadline and capacity are out of date."""
    translation = translate_page(
        event,
        "fr",
        title="Rencontre du réseau",
        slug="rencontre",
        capacity=10,
        registration_deadline=timezone.now() - datetime.timedelta(days=1),
        schedule="postponed",
    )
    publish_ancestors_in(translation)
    return translation


def test_a_translated_event_page_shows_the_source_places_deadline_and_status(client, event, event_fr):
    register(client, event, email="a@example.org")
    register(client, event, email="b@example.org")  # the source's 2 places are taken
    response = client.get(event_fr.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="consent"' in html  # open: the source has no past deadline
    assert "S’inscrire sur la liste d’attente" in html  # full, as the source is
    assert "10 places" not in html
    assert "a été reporté" not in html and "status--postponed" not in html
    assert re.search(r"<dd>\s*2\s*</dd>", html)  # "Places": the source's capacity
    # Sending the French form puts the visitor on the waiting list, as the page said.
    register_fr = client.post(
        f"/fr/participation/events/{event_fr.pk}/register/",
        {
            "name": "Nadia",
            "organisation": "Commune d’Annaba",
            "email": "nadia@example.org",
            "language": "fr",
            "consent": "on",
            "website": "",
            "submission_token": "token-fr-000000000001",
        },
    )
    assert register_fr.status_code == 302
    assert Registration.objects.get(email="nadia@example.org").status == "waiting"


def test_the_api_gives_the_source_status_deadline_and_capacity(client, event, event_fr):
    detail = client.get(f"/api/v2/pages/{event_fr.pk}/").json()
    assert detail["capacity"] == 2
    assert detail["registration_deadline"] is None
    assert detail["schedule"] == "scheduled" and detail["status"] == "upcoming"
    listing = client.get("/api/v2/pages/", {"type": "programmes.EventPage", "locale": "fr", "fields": "status"}).json()
    assert [item["status"] for item in listing["items"]] == ["upcoming"]


def test_a_translated_call_page_opens_and_closes_with_the_source(client, call, lands):
    now = timezone.now()
    translation = translate_page(
        call, "fr", title="Appel", slug="appel", deadline=now - datetime.timedelta(days=1), opening=None
    )
    publish_ancestors_in(translation)
    html = client.get(translation.url).content.decode()
    assert 'name="german_state"' in html  # open, as the view that receives it


def test_interest_mail_names_type_and_topics_in_the_recipients_language(client, call, lands, mailbox):
    french = Locale.objects.get(language_code="fr")
    for applicant_type in call.eligible_types.all():
        copy = applicant_type.copy_for_translation(french)
        copy.name = {"Städte": "Villes"}.get(applicant_type.name, "Arrondissements")
        copy.save()
    for topic in call.topics.all():
        translate_page(topic, "fr", title={"Wasser": "Eau"}.get(topic.title, "Déchets"), slug=f"{topic.slug}-fr")
    data = interest_data(call, lands, applicant_type=str(call.eligible_types.get(name="Städte").translation_key))
    assert client.post(f"/fr/participation/calls/{call.pk}/interest/", data).status_code == 302
    body = mailbox[0].body
    assert "Villes" in body and "Städte" not in body
    assert "Eau" in body and "Wasser" not in body
    assert "Algérie" in body  # the partner country, from ISO's French names


@pytest.fixture
def privacy(site):
    page = StandardPageFactory(title="Datenschutzerklärung", slug="datenschutz")
    settings = SiteSettings.for_site(site.site)
    settings.privacy_page = page
    settings.save()
    translation = translate_page(page, "fr", title="Politique de confidentialité", slug="confidentialite")
    publish_ancestors_in(translation)
    return page, translation


def test_the_consent_links_the_privacy_policy_in_the_visitors_language(client, event, event_fr, privacy):
    german, french = privacy
    assert f'<a href="{german.url}">Datenschutzerklärung</a>' in client.get(event.url).content.decode()
    html = client.get(event_fr.url).content.decode()
    assert f'<a href="{french.url}">politique de confidentialité</a>' in html
    # Also when the form comes back with errors.
    response = client.post(f"/fr/participation/events/{event_fr.pk}/register/", {"submission_token": "x" * 20})
    assert response.status_code == 400 and f'href="{french.url}"' in response.content.decode()


def test_without_a_privacy_page_the_consent_has_no_link(client, event):
    html = client.get(event.url).content.decode()
    consent = re.search(r'<label for="id_consent">(.*?)</label>', html, re.S).group(1)
    assert "Datenschutzerklärung" in consent and "<a " not in consent
