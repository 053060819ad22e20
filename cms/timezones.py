"""Time zones of events and deadlines.

Editors enter wall-clock times as they are meant at the place of the event (10:00 in Berlin,
10:00 in Algiers), not in their own admin time zone: the form below re-reads the entered values
in the zone chosen on the page. The database stores aware datetimes (UTC).
"""

import datetime
import zoneinfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeZoneChoices(models.TextChoices):
    BERLIN = "Europe/Berlin", _("Germany (Berlin)")
    ALGIERS = "Africa/Algiers", _("Algeria (Algiers)")
    CASABLANCA = "Africa/Casablanca", _("Morocco (Casablanca)")
    TUNIS = "Africa/Tunis", _("Tunisia (Tunis)")
    UTC = "UTC", _("UTC")


DEFAULT_TIME_ZONE = TimeZoneChoices.BERLIN

# The place a zone is named after, for short labels in the admin ("14.05.2027 09:30 (Tunis)").
ZONE_PLACES = {
    TimeZoneChoices.BERLIN: _("Berlin"),
    TimeZoneChoices.ALGIERS: _("Algiers"),
    TimeZoneChoices.CASABLANCA: _("Casablanca"),
    TimeZoneChoices.TUNIS: _("Tunis"),
    TimeZoneChoices.UTC: _("UTC"),
}


def zone_place(zone_name):
    """The translated place name of a zone; for a zone outside the choices, its IANA name."""
    zone_name = zone_name or DEFAULT_TIME_ZONE
    return str(ZONE_PLACES.get(zone_name, zone_name))


# Abbreviations that have a common name in each language ("MEZ" in German, "HNEC" in French …).
ZONE_ABBREVIATIONS = {
    "CET": _("CET"),
    "CEST": _("CEST"),
    "UTC": _("UTC"),
}


def zone_label(value):
    """A short, translated label for the zone in effect at ``value`` (an aware datetime)."""
    abbreviation = value.tzname() or ""
    if abbreviation in ZONE_ABBREVIATIONS:
        return str(ZONE_ABBREVIATIONS[abbreviation])
    offset = value.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def in_zone(value, zone_name):
    if value is None:
        return None
    return timezone.localtime(value, zoneinfo.ZoneInfo(zone_name or DEFAULT_TIME_ZONE))


class ZonedDateTimeFormMixin:
    """Shows and reads the datetime fields named in ``zoned_datetime_fields`` in the page's zone."""

    zoned_datetime_fields = ()
    time_zone_field = "time_zone"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone_name = getattr(self.instance, self.time_zone_field, None) or DEFAULT_TIME_ZONE
        for name in self.zoned_datetime_fields:
            value = self.initial.get(name)
            if isinstance(value, datetime.datetime) and timezone.is_aware(value):
                # A naive value is shown as it is: the wall-clock time at the event's place.
                self.initial[name] = in_zone(value, zone_name).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        zone = zoneinfo.ZoneInfo(cleaned_data.get(self.time_zone_field) or DEFAULT_TIME_ZONE)
        current = timezone.get_current_timezone()
        for name in self.zoned_datetime_fields:
            value = cleaned_data.get(name)
            if isinstance(value, datetime.datetime):
                wall_clock = timezone.localtime(value, current).replace(tzinfo=None)
                cleaned_data[name] = timezone.make_aware(wall_clock, zone)
        return cleaned_data
