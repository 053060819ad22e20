"""Validation rules of the content model, with the field each error is attached to."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from programmes.factories import CountryFactory, RegionFactory, VenueFactory
from programmes.models import CallForParticipationPage, ContactPoint, EventFormat, EventPage, Partnership, Region, Venue

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
START = datetime.datetime(2021, 3, 23, 10, 0, tzinfo=BERLIN)
END = datetime.datetime(2021, 3, 23, 12, 30, tzinfo=BERLIN)


def errors_of(instance):
    """Run the model's own clean() and return {field: [messages]}."""
    with pytest.raises(ValidationError) as caught:
        type(instance).clean(instance)
    return caught.value.message_dict


class TestCallDates:
    def test_deadline_must_be_after_opening(self):
        call = CallForParticipationPage(title="A", slug="a", opening=END, deadline=START)
        assert list(errors_of(call)) == ["deadline"]

    def test_deadline_equal_to_opening_is_rejected(self):
        assert "deadline" in errors_of(CallForParticipationPage(title="A", slug="a", opening=START, deadline=START))

    def test_valid_dates_and_missing_opening_pass(self):
        CallForParticipationPage(title="A", slug="a", opening=START, deadline=END).clean()
        CallForParticipationPage(title="A", slug="a", opening=None, deadline=END).clean()


class TestEventRules:
    def event(self, **kwargs):
        defaults = {
            "title": "Infoworkshop",
            "slug": "infoworkshop",
            "start": START,
            "end": END,
            "event_format": EventFormat.ONLINE,
            "online_details": "Zugang nach Anmeldung.",
        }
        return EventPage(**{**defaults, **kwargs})

    def test_valid_online_event(self):
        self.event().clean()

    @pytest.mark.parametrize("end", [START, START - datetime.timedelta(hours=1)])
    def test_end_must_be_after_start(self, end):
        assert list(errors_of(self.event(end=end))) == ["end"]

    @pytest.mark.parametrize("event_format", [EventFormat.ONLINE, EventFormat.HYBRID])
    def test_online_or_hybrid_needs_online_access(self, event_format):
        venue = VenueFactory()
        event = self.event(event_format=event_format, online_details="   ", venue=venue)
        assert list(errors_of(event)) == ["online_details"]

    @pytest.mark.parametrize(
        "access",
        [
            {"online_url": "https://video.example.org/raum"},
            {"online_details": "Einwahl per Telefon."},
            {"registration_url": "https://example.org/anmeldung"},
        ],
    )
    def test_any_one_online_access_is_enough(self, access):
        self.event(**{"online_details": "", **access}).clean()

    @pytest.mark.parametrize("event_format", [EventFormat.ON_SITE, EventFormat.HYBRID])
    def test_on_site_or_hybrid_needs_venue(self, event_format):
        assert list(errors_of(self.event(event_format=event_format))) == ["venue"]

    def test_on_site_event_with_venue_needs_no_online_details(self):
        self.event(event_format=EventFormat.ON_SITE, online_details="", venue=VenueFactory()).clean()

    def test_registration_deadline_not_after_end(self):
        late = END + datetime.timedelta(minutes=1)
        assert list(errors_of(self.event(registration_deadline=late))) == ["registration_deadline"]
        self.event(registration_deadline=END).clean()

    def test_all_errors_reported_together(self):
        event = self.event(end=START, event_format=EventFormat.HYBRID, online_details="")
        assert set(errors_of(event)) == {"end", "online_details", "venue"}


class TestPlaces:
    def test_region_code_must_start_with_country_code(self):
        region = Region(code="ma-01", name="Tanger-Tétouan-Al Hoceïma", country=CountryFactory(code="DZ"))
        assert list(errors_of(region)) == ["code"]
        assert region.code == "MA-01"  # normalised to capitals before checking

    def test_region_validity_dates_in_order(self):
        region = Region(
            code="DZ-49",
            name="Timimoun",
            country=CountryFactory(code="DZ"),
            valid_from=datetime.date(2019, 12, 1),
            valid_until=datetime.date(2019, 1, 1),
        )
        assert list(errors_of(region)) == ["valid_until"]

    def test_country_code_must_be_iso(self):
        from programmes.models import Country

        assert list(errors_of(Country(code="xx"))) == ["code"]
        Country(code="dz").clean()

    def test_venue_region_must_belong_to_country(self):
        venue = Venue(name="Rathaus", locality="Annaba", country=CountryFactory(code="TN"), region=RegionFactory())
        assert list(errors_of(venue)) == ["region"]
        Venue(name="Rathaus", locality="Annaba", country=CountryFactory(code="DZ"), region=RegionFactory()).clean()

    def test_partnership_region_must_belong_to_country(self):
        partnership = Partnership(
            german_partner="Sindelfingen",
            maghreb_partner="Annaba",
            country=CountryFactory(code="MA"),
            region=RegionFactory(code="DZ-23"),
            status="active",
        )
        assert list(errors_of(partnership)) == ["region"]

    def test_partnership_german_state_must_be_german(self):
        partnership = Partnership(
            german_partner="Sindelfingen",
            maghreb_partner="Annaba",
            country=CountryFactory(code="DZ"),
            german_state=RegionFactory(code="DZ-23"),
            status="active",
        )
        assert list(errors_of(partnership)) == ["german_state"]
        partnership.german_state = RegionFactory(code="DE-BW", name="Baden-Württemberg")
        partnership.clean()


class TestContactPoint:
    def test_needs_at_least_one_channel(self):
        # German is the admin's language, so the message reads in German.
        with pytest.raises(ValidationError, match="mindestens einen Kontaktweg"):
            ContactPoint(title="Kontakt SKEW").clean()

    @pytest.mark.parametrize(
        "channel",
        [{"email": "skew.maghreb@engagement-global.de"}, {"phone": "+49 228 20 717-1343"}, {"url": "https://x.org"}],
    )
    def test_any_channel_is_enough(self, channel):
        ContactPoint(title="Kontakt SKEW", **channel).clean()

    def test_phone_uri_keeps_digits_and_plus(self):
        assert ContactPoint(phone="+49 228 20 717-1343").phone_uri == "tel:+49228207171343"
