"""DEMO CONTENT: ``load_demo_content`` builds the whole seed of /work/shared/brief/content.md,
can run twice without changing anything, and every demo page renders under /de/."""

import datetime
import zoneinfo

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision

from home.models import HomePage
from programmes.models import (
    ApplicantType,
    CallForParticipationPage,
    ContactPoint,
    EventPage,
    Organisation,
    Partnership,
    ProgrammePage,
    ProgrammePhasePage,
    TopicPage,
    Venue,
)

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
COUNTED = [Page, Revision, ApplicantType, Organisation, ContactPoint, Venue, Partnership, Locale]
TOPICS = {
    "Abfallmanagement",
    "Digitalisierung in der Verwaltung",
    "Energieeffizienz",
    "Grünflächengestaltung",
    "Gute lokale Regierungsführung",
    "Pandemie- und Krisenmanagement",
}


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)
    return Locale.objects.get(language_code="de")


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_demo_content_is_idempotent(demo):
    first = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == first


def test_demo_content_has_every_seed_item(demo):
    german = {"locale": demo, "live": True}

    programme = ProgrammePage.objects.get(title="Kommunale Zusammenarbeit Maghreb-Deutschland", **german)
    assert HomePage.objects.get(locale=demo).url == "/de/"
    assert programme.url == "/de/kommunale-zusammenarbeit-maghreb-deutschland/"
    assert {c.code for c in programme.countries.all()} >= {"DZ", "MA", "TN"}

    phases = ProgrammePhasePage.objects.child_of(programme).filter(live=True).order_by("start_date")
    assert phases.count() == 2
    assert "Algerien" in phases[1].title  # the second phase focuses on Algeria

    assert set(TopicPage.objects.filter(**german).values_list("title", flat=True)) >= TOPICS

    call = CallForParticipationPage.objects.get(
        title="Interessierte für kommunale Projektpartnerschaften in Algerien gesucht", **german
    )
    eligible = {name.casefold() for name in call.eligible_types.values_list("name", flat=True)}
    assert eligible >= {"städte", "landkreise", "gemeinden", "kommunale unternehmen"}

    event = EventPage.objects.get(start=datetime.datetime(2021, 3, 23, 10, 0, tzinfo=BERLIN), **german)
    assert event.end == datetime.datetime(2021, 3, 23, 12, 30, tzinfo=BERLIN)
    assert event.time_zone == "Europe/Berlin"
    assert event.event_format == "online"

    organisations = Organisation.objects.filter(locale=demo)
    assert {"BMZ", "GIZ", "SKEW"} <= set(organisations.values_list("short_name", flat=True))
    assert organisations.filter(name__icontains="Engagement Global").exists()

    contact = ContactPoint.objects.get(email="skew.maghreb@engagement-global.de", locale=demo)
    assert contact.phone == "+49 228 20 717-1343"


def test_every_live_demo_page_renders_under_de(client, demo):
    pages = Page.objects.live().public().filter(locale=demo, depth__gt=1).specific()
    assert pages.count() >= 20
    failures = {}
    for page in pages:
        url = page.url
        assert url.startswith("/de/"), url
        status = client.get(url).status_code
        if status != 200:
            failures[url] = status
    assert failures == {}
