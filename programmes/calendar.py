"""iCalendar (RFC 5545, with RFC 7986 properties) for events: the one writer of an event's VEVENT.

Used by the language feed, the per-event file and the confirmation e-mail's attachment
(participation), so that the three describe an event the same way. Times are written in the
event's own time zone (DTSTART;TZID=Africa/Algiers:…) with a VTIMEZONE for every zone used, so
calendar programs show them right wherever the reader is. The UID is the event's translation key:
the same event in two languages, or imported from the e-mail and subscribed to in the feed, is one
event to a calendar program. Only what the event page shows publicly goes in: the join link only
where the editor made it public, or in the e-mail to a person with a place.
"""

import datetime

from django.http import HttpResponse, HttpResponseNotFound
from django.utils.translation import get_language, gettext
from icalendar import Event, vUri

from cms.api.http import conditional
from cms.ical import build_calendar
from cms.languages import bcp47
from cms.localization import localize_all, public_pages

from .models import EventPage, EventSchedule, Venue

FEED_LIMIT = 200
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
STATUSES = {EventSchedule.CANCELLED: "CANCELLED", EventSchedule.POSTPONED: "TENTATIVE"}
UID_DOMAIN = "kommunale-zusammenarbeit-maghreb"
ID_MAX = 2**31 - 1  # PostgreSQL integer


def _address(venue):
    if venue is None:
        return ""
    parts = [venue.name, venue.street_address, f"{venue.postal_code} {venue.locality}".strip()]
    if venue.region_id and venue.region:
        parts.append(str(venue.region.display_name))
    parts.append(str(venue.country.name))
    return ", ".join(part for part in parts if part)


def _revised(page):
    # A page made without a revision (imports, tests) has no publication date; keep the output stable.
    return page.last_published_at or page.first_published_at or page.latest_revision_created_at or EPOCH


def event_uid(page):
    """The event's UID, the same for every language version (they share the translation key)."""
    return f"{page.translation_key}@{UID_DOMAIN}"


def event_component(page, request, venue=None, private_join_url=""):
    """The VEVENT for ``page``; ``venue`` in the page's language; ``private_join_url`` for the registered only."""
    event = Event()
    event.add("uid", event_uid(page))
    event.add("dtstamp", _revised(page).astimezone(datetime.UTC))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    if page.first_published_at:
        event.add("created", page.first_published_at.astimezone(datetime.UTC))
    event.add("summary", page.title)
    url = page.get_full_url(request)
    # Many calendar programs show no CONFERENCE: a private join link goes in the description too.
    description = [page.summary, url, private_join_url]
    event.add("description", "\n\n".join(part for part in description if part))
    if url:
        event.add("url", vUri(url), parameters={"VALUE": "URI"})
    if page.all_day:
        event.add("dtstart", page.zoned_start.date())
        # DTEND of an all-day event is the day after the last day (exclusive).
        event.add("dtend", page.zoned_end.date() + datetime.timedelta(days=1))
    else:
        event.add("dtstart", page.zoned_start)
        event.add("dtend", page.zoned_end)
    event.add("status", STATUSES.get(page.schedule, "CONFIRMED"))
    if page.is_on_site and venue is not None:
        event.add("location", _address(venue))
    elif private_join_url:
        event.add("location", private_join_url)
    join_url = private_join_url or (page.public_online_url if page.is_online else "")
    if join_url:
        # RFC 7986 CONFERENCE, only for a link the editor made public or for a person with a place.
        event.add(
            "conference",
            vUri(join_url),
            parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": page.online_platform or gettext("Online")},
        )
    return event


def event_file(page, venue=None, private_join_url=""):
    """One event as an iCalendar file (bytes), for the confirmation e-mail: the same VEVENT as in the feed."""
    return build_calendar(page.title, [event_component(page, None, venue, private_join_url)]).to_ical()


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _venues(pages):
    """Each page's venue in the page's (visitor's) language, in one query."""
    venues = [page.venue for page in pages if page.venue_id and page.venue]
    localized = localize_all(venues, queryset=Venue.objects.select_related("country", "region"))
    mapping = {venue.pk: loc for venue, loc in zip(venues, localized, strict=True)}
    return {page.pk: mapping.get(page.venue_id) for page in pages}


@conditional
def event_ics(request, pk):
    # An id beyond the database's integer range names no event (and must not reach the query).
    page = None
    if pk <= ID_MAX:
        page = (
            public_pages(EventPage.objects.live())
            .filter(pk=pk)
            .select_related("venue__country", "venue__region", "locale")
            .first()
        )
    if page is None:
        return HttpResponseNotFound("No published event with this id.", content_type="text/plain; charset=utf-8")
    venue = page.venue if page.venue_id else None
    calendar = build_calendar(page.title, [event_component(page, request, venue)])
    response = _response(calendar, f"event-{page.pk}.ics")
    # The event's language, not the visitor's (this address has no language prefix).
    response["Content-Language"] = bcp47(page.locale.language_code)
    return response


@conditional
def events_ics(request):
    """Upcoming events in the language of the URL (the German version where none exists)."""
    pages = list(
        EventPage.objects.for_listing()
        .upcoming()
        .select_related("venue__country", "venue__region", "locale")[:FEED_LIMIT]
    )
    venues = _venues(pages)
    name = gettext("Events – Municipal Partnerships Maghreb-Germany")
    calendar = build_calendar(name, [event_component(page, request, venues[page.pk]) for page in pages])
    return _response(calendar, f"events-{get_language()}.ics")
