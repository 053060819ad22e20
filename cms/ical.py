"""An iCalendar (RFC 5545, with RFC 7986 properties) document around events: what the site's public
event calendars and the editors' publishing calendar share."""

import datetime

from icalendar import Calendar, vDuration

REFRESH_INTERVAL = datetime.timedelta(hours=6)


def build_calendar(name, events):
    calendar = Calendar()
    calendar.add("prodid", "-//Kommunale Zusammenarbeit Maghreb-Deutschland//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    # icalendar knows no type for X- properties and would write str(timedelta) ("6:00:00").
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for event in events:
        calendar.add_component(event)
    # A VTIMEZONE for every TZID the events use (RFC 5545 §3.6.5).
    calendar.add_missing_timezones()
    return calendar
