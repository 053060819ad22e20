"""Statuses are derived from dates (and, for events, the editor's schedule); nothing is stored."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from programmes.models import (
    CallForParticipationPage,
    CallStatus,
    EventPage,
    EventSchedule,
    EventStatus,
    PhaseStatus,
    ProgrammePhasePage,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

# Page instances look up their content type, so even unsaved pages need the database.
pytestmark = pytest.mark.django_db

START = datetime.datetime(2021, 3, 23, 10, 0, tzinfo=BERLIN)
END = datetime.datetime(2021, 3, 23, 12, 30, tzinfo=BERLIN)


class TestPhaseStatus:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (datetime.date(2019, 12, 31), PhaseStatus.PLANNED),
            (datetime.date(2020, 1, 1), PhaseStatus.CURRENT),
            (datetime.date(2024, 12, 31), PhaseStatus.CURRENT),
            (datetime.date(2025, 1, 1), PhaseStatus.COMPLETED),
        ],
    )
    def test_status_on(self, day, expected):
        phase = ProgrammePhasePage(start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2024, 12, 31))
        assert phase.status_on(day) == expected

    def test_open_ended_phase_stays_current(self):
        phase = ProgrammePhasePage(start_date=datetime.date(2020, 1, 1), end_date=None)
        assert phase.status_on(datetime.date(2099, 1, 1)) == PhaseStatus.CURRENT
        assert phase.status_on(datetime.date(2019, 1, 1)) == PhaseStatus.PLANNED

    def test_status_property_uses_today(self):
        today = timezone.localdate()
        assert ProgrammePhasePage(start_date=today, end_date=today).status == PhaseStatus.CURRENT


class TestCallStatus:
    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            (START - datetime.timedelta(seconds=1), CallStatus.UPCOMING),
            (START, CallStatus.OPEN),
            (END - datetime.timedelta(seconds=1), CallStatus.OPEN),
            (END, CallStatus.CLOSED),  # the deadline is the last moment: at it, the call is closed
        ],
    )
    def test_status_at(self, moment, expected):
        assert CallForParticipationPage(opening=START, deadline=END).status_at(moment) == expected

    def test_call_without_opening_is_open_until_deadline(self):
        call = CallForParticipationPage(opening=None, deadline=END)
        assert call.status_at(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)) == CallStatus.OPEN
        assert call.status_at(END) == CallStatus.CLOSED

    def test_status_compares_instants_not_wall_clock(self):
        # 10:30 in Algiers (UTC+1) is 10:30 Berlin in winter: open; 12:00 UTC is 13:00 Berlin: still open.
        algiers = zoneinfo.ZoneInfo("Africa/Algiers")
        assert (
            CallForParticipationPage(opening=START, deadline=END).status_at(
                datetime.datetime(2021, 3, 23, 10, 30, tzinfo=algiers)
            )
            == CallStatus.OPEN
        )
        assert (
            CallForParticipationPage(opening=START, deadline=END).status_at(
                datetime.datetime(2021, 3, 23, 11, 30, tzinfo=datetime.UTC)
            )
            == CallStatus.CLOSED
        )


class TestEventStatus:
    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            (START - datetime.timedelta(minutes=1), EventStatus.UPCOMING),
            (START, EventStatus.ONGOING),
            (END - datetime.timedelta(minutes=1), EventStatus.ONGOING),
            (END, EventStatus.PAST),
        ],
    )
    def test_status_from_dates(self, moment, expected):
        assert EventPage(start=START, end=END).status_at(moment) == expected

    @pytest.mark.parametrize(
        ("schedule", "expected"),
        [(EventSchedule.CANCELLED, EventStatus.CANCELLED), (EventSchedule.POSTPONED, EventStatus.POSTPONED)],
    )
    @pytest.mark.parametrize("moment", [START - datetime.timedelta(days=1), START, END + datetime.timedelta(days=1)])
    def test_cancelled_or_postponed_overrides_dates(self, schedule, expected, moment):
        assert EventPage(start=START, end=END, schedule=schedule).status_at(moment) == expected


class TestRegistrationIsOpen:
    def event(self, **kwargs):
        now = timezone.now()
        defaults = {
            "start": now + datetime.timedelta(days=2),
            "end": now + datetime.timedelta(days=2, hours=1),
            "registration_url": "https://example.org/anmeldung",
        }
        return EventPage(**{**defaults, **kwargs})

    def test_open_before_start_with_registration_link(self):
        assert self.event().external_registration_is_open is True

    def test_needs_a_registration_link(self):
        assert self.event(registration_url="").external_registration_is_open is False

    def test_closes_at_registration_deadline(self):
        past_deadline = timezone.now() - datetime.timedelta(minutes=1)
        assert self.event(registration_deadline=past_deadline).external_registration_is_open is False
        future_deadline = timezone.now() + datetime.timedelta(days=1)
        assert self.event(registration_deadline=future_deadline).external_registration_is_open is True

    def test_closes_when_event_started_without_deadline(self):
        now = timezone.now()
        event = self.event(start=now - datetime.timedelta(minutes=5), end=now + datetime.timedelta(hours=1))
        assert event.registration_closes_at == event.start
        assert event.external_registration_is_open is False

    @pytest.mark.parametrize("schedule", [EventSchedule.CANCELLED, EventSchedule.POSTPONED])
    def test_closed_for_cancelled_or_postponed_events(self, schedule):
        assert self.event(schedule=schedule).external_registration_is_open is False
