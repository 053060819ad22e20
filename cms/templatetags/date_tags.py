"""Dates and times as visitors read them: in the zone of the event's place, in the active
language's format, with the zone named ("23. März 2021, 10:00–12:30 Uhr (MEZ)").

The sentence shapes are gettext messages so that each language can add its own words
(German adds "Uhr" after times); the parts come from django.utils.formats (Django's ar_DZ
formats give Western digits and Algerian month names: "23 مارس 2021", "5 جانفي 2021").

In right-to-left languages a zone label in Latin script ("UTC+1") is isolated with <bdi>, so
that its "+" and digits keep their order inside Arabic text; the result is then safe HTML.
"""

import datetime

from django import template
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from cms.timezones import in_zone, zone_place
from cms.timezones import zone_label as _zone_label

register = template.Library()


def zone_label(value):
    label = _zone_label(value)
    if get_language_bidi() and label.isascii():
        return format_html("<bdi>{}</bdi>", label)
    return label


def _fill(pattern, parts):
    """``pattern % parts``, escaped, keeping the <bdi> of a zone label."""
    if not any(hasattr(value, "__html__") for value in parts.values()):
        return pattern % parts
    return mark_safe(conditional_escape(pattern) % {key: conditional_escape(value) for key, value in parts.items()})


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def _time(value):
    return formats.time_format(value, "TIME_FORMAT")


@register.simple_tag
def zoned_datetime(value, zone_name):
    """One moment with its zone: "23. März 2021, 10:00 Uhr (MEZ)"."""
    if value is None:
        return ""
    local = in_zone(value, zone_name)
    return _fill(
        _("%(date)s, %(time)s (%(zone)s)"), {"date": _date(local), "time": _time(local), "zone": zone_label(local)}
    )


@register.simple_tag
def zoned_range(start, end, zone_name, all_day=False):
    """A span of time; the date is written once when start and end fall on the same day."""
    if start is None:
        return ""
    local_start = in_zone(start, zone_name)
    local_end = in_zone(end, zone_name) if end else None
    if all_day:
        return date_range(local_start.date(), local_end.date() if local_end else None)
    if local_end is None:
        return zoned_datetime(start, zone_name)
    start_zone, end_zone = zone_label(local_start), zone_label(local_end)
    if local_start.date() == local_end.date():
        return _fill(
            _("%(date)s, %(start)s–%(end)s (%(zone)s)"),
            {"date": _date(local_start), "start": _time(local_start), "end": _time(local_end), "zone": start_zone},
        )
    parts = {
        "start_date": _date(local_start),
        "start_time": _time(local_start),
        "end_date": _date(local_end),
        "end_time": _time(local_end),
        "zone": start_zone,
    }
    if start_zone == end_zone:
        return _fill(_("%(start_date)s, %(start_time)s – %(end_date)s, %(end_time)s (%(zone)s)"), parts)
    # A change to or from summer time during the event: each end keeps its own zone.
    parts.update(start_zone=start_zone, end_zone=end_zone)
    pattern = _("%(start_date)s, %(start_time)s (%(start_zone)s) – %(end_date)s, %(end_time)s (%(end_zone)s)")
    return _fill(pattern, parts)


@register.simple_tag
def date_range(start, end=None):
    """Dates only: "23. März 2021", "4. – 6. September 2016" is left to the full form for clarity."""
    if start is None:
        return ""
    if isinstance(start, datetime.datetime):
        start = start.date()
    if isinstance(end, datetime.datetime):
        end = end.date()
    if end is None or end == start:
        return _date(start)
    return _("%(start)s – %(end)s") % {"start": _date(start), "end": _date(end)}


@register.simple_tag
def open_date_range(start, end=None):
    """A period that may still be running: "since 1 January 2020" when there is no end."""
    if start is None:
        return ""
    if end is None:
        return _("since %(start)s") % {"start": _date(start)}
    return date_range(start, end)


@register.simple_tag
def short_zoned_datetime(value, zone_name):
    """Admin tables: the wall-clock time at the place, with the place: "14.05.2027 09:30 (Tunis)".

    Formatted here, not with the |date filter, which would convert back into the reader's zone."""
    if value is None:
        return ""
    local = in_zone(value, zone_name)
    return f"{formats.date_format(local, 'SHORT_DATETIME_FORMAT')} ({zone_place(zone_name)})"


@register.filter
def iso_in_zone(value, zone_name):
    """ISO 8601 with the offset of the event's place, for <time datetime> and JSON-LD."""
    if value is None:
        return ""
    return in_zone(value, zone_name).isoformat()
