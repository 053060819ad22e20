"""The confirmation e-mail's .ics, the per-event file and the language feed describe one event.

A person who imports the attachment and also subscribes to the feed must see the event once: the
three must give it the same UID (in every language) and the same start in the same time zone.
"""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar
from wagtail.models import Locale

from programmes.factories import EventPageFactory, VenueFactory, translate_page

from .conftest import form_token, register

pytestmark = pytest.mark.django_db

ALGIERS = zoneinfo.ZoneInfo("Africa/Algiers")


def vevents(content):
    return {str(vevent["UID"]): vevent for vevent in Calendar.from_ical(content).walk("VEVENT")}


def calendar_file(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return vevents(response.content)


@pytest.fixture
def hybrid_event(site):
    Locale.objects.get_or_create(language_code="fr")
    start = datetime.datetime.combine(
        datetime.date.today() + datetime.timedelta(days=10), datetime.time(14, 30), tzinfo=ALGIERS
    )
    german = EventPageFactory(
        title="Netzwerktreffen Algier",
        slug="netzwerktreffen-algier",
        time_zone="Africa/Algiers",
        start=start,
        end=start + datetime.timedelta(hours=2),
        event_format="hybrid",
        venue=VenueFactory(name="Rathaus Algier", locality="Algier"),
        capacity=10,
        online_url="https://meet.example.org/secret-room-4711",
    )
    french = translate_page(german, "fr", title="Rencontre réseau Alger")
    return german, french


def test_attachment_event_file_and_feed_give_the_same_uid_and_start(client, hybrid_event, mailbox):
    german, french = hybrid_event
    response = register(client, german, submission_token=form_token(client.get(german.url)), language="fr")
    assert response.status_code == 302
    ((name, content, _mimetype),) = mailbox[0].attachments
    (attached,) = vevents(content).values()
    assert str(attached["SUMMARY"]) == "Rencontre réseau Alger"  # the registrant's language version
    assert "secret-room-4711" in str(attached["CONFERENCE"])  # the join link only for the registered

    uid = str(attached["UID"])
    local_start = german.start.astimezone(ALGIERS).strftime("%Y%m%dT143000").encode()
    outlets = {
        "German event file": calendar_file(client, f"/calendar/events/{german.pk}.ics"),
        "French event file": calendar_file(client, f"/calendar/events/{french.pk}.ics"),
        "German feed": calendar_file(client, "/de/calendar/events.ics"),
        "French feed": calendar_file(client, "/fr/calendar/events.ics"),
    }
    for outlet, events in outlets.items():
        assert uid in events, (outlet, uid, list(events))
        vevent = events[uid]
        assert vevent["DTSTART"].params["TZID"] == attached["DTSTART"].params["TZID"] == "Africa/Algiers", outlet
        # 14:30 in Algiers, written as local time (not converted to UTC).
        assert vevent["DTSTART"].to_ical() == attached["DTSTART"].to_ical() == local_start, outlet
        assert "secret-room-4711" not in vevent.to_ical().decode(), outlet  # the join link is not public
