"""A one-event iCalendar file (RFC 5545/7986) for the confirmation e-mail.

Unlike the public calendar it carries the join link of an online event (as CONFERENCE and in
the description): the file goes only to the registered person.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from icalendar import Calendar, Event, vUri


def event_ics(event, page_url, include_join_link):
    calendar = Calendar()
    calendar.add("prodid", "-//Kommunale Zusammenarbeit Maghreb-Deutschland//Anmeldung//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    item = Event()
    item.add("uid", f"event-{event.translation_key}@kommunale-zusammenarbeit")
    item.add("dtstamp", timezone.now().astimezone(UTC))
    if event.all_day:
        item.add("dtstart", event.zoned_start.date())
        item.add("dtend", event.zoned_end.date() + timedelta(days=1))
    else:
        # UTC needs no VTIMEZONE and imports everywhere.
        item.add("dtstart", event.start.astimezone(UTC))
        item.add("dtend", event.end.astimezone(UTC))
    item.add("summary", event.title)
    description = [event.summary]
    if event.venue_id and event.venue:
        venue = event.venue
        parts = [venue.name, venue.street_address, f"{venue.postal_code} {venue.locality}".strip()]
        item.add("location", ", ".join(part for part in parts if part))
    if include_join_link and event.online_url:
        conference = vUri(event.online_url)
        item.add("conference", conference, parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
        description.append(event.online_url)
        if not (event.venue_id and event.venue):
            item.add("location", event.online_url)
    item.add("url", page_url)
    item.add("description", "\n\n".join(part for part in description if part))
    calendar.add_component(item)
    return calendar.to_ical()
