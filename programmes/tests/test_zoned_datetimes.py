"""Wall-clock times entered in the admin mean the time at the event's place (the page's time_zone),
whatever the editor's own admin time zone is."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from cms.timezones import in_zone, zone_label
from programmes.factories import EventPageFactory
from programmes.models import CallForParticipationPage, EventPage

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")
ALGIERS = zoneinfo.ZoneInfo("Africa/Algiers")
UTC = datetime.UTC
# A day outside Ramadan (Morocco then keeps UTC+1) and inside German summer time (UTC+2):
# 10:00 means 09:00 UTC in Casablanca and 08:00 UTC in Berlin.
DAY = "2027-10-12"


def event_data(**overrides):
    data = {
        "title": "Infoworkshop",
        "slug": "infoworkshop",
        "summary": "Informationsveranstaltung zum Aufruf.",
        "time_zone": "Europe/Berlin",
        "start": f"{DAY} 10:00",
        "end": f"{DAY} 12:30",
        "schedule": "scheduled",
        "event_format": "online",
        "online_details": "Zugang nach Anmeldung.",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "password")


def bound_form(site, editor, data, instance=None):
    form_class = EventPage.get_edit_handler().get_form_class()
    return form_class(data, instance=instance or EventPage(), parent_page=site.event_index, for_user=editor)


class TestEventFormClass:
    @pytest.mark.parametrize(("zone_name", "utc_hour"), [("Africa/Casablanca", 9), ("Europe/Berlin", 8)])
    def test_entered_time_is_read_in_the_page_zone(self, site, editor, zone_name, utc_hour):
        form = bound_form(site, editor, event_data(time_zone=zone_name))
        assert form.is_valid(), form.errors
        start = form.cleaned_data["start"]
        assert start == datetime.datetime(2027, 10, 12, 10, 0, tzinfo=zoneinfo.ZoneInfo(zone_name))
        assert start.astimezone(UTC).hour == utc_hour

    def test_editor_time_zone_does_not_matter(self, site, editor):
        # The editor works in UTC; the event is in Algiers: 10:00 still means 10:00 in Algiers.
        with timezone.override(UTC):
            form = bound_form(site, editor, event_data(time_zone="Africa/Algiers"))
            assert form.is_valid(), form.errors
        assert form.cleaned_data["start"] == datetime.datetime(2027, 10, 12, 10, 0, tzinfo=ALGIERS)
        assert form.cleaned_data["end"] == datetime.datetime(2027, 10, 12, 12, 30, tzinfo=ALGIERS)

    def test_stored_time_is_shown_in_the_page_zone(self, site, editor):
        start = datetime.datetime(2027, 10, 12, 10, 0, tzinfo=CASABLANCA)
        event = EventPageFactory(time_zone="Africa/Casablanca", start=start)
        form_class = EventPage.get_edit_handler().get_form_class()
        form = form_class(instance=event, parent_page=site.event_index, for_user=editor)
        assert form.initial["start"] == datetime.datetime(2027, 10, 12, 10, 0)  # naive wall clock
        assert form.initial["end"] == datetime.datetime(2027, 10, 12, 11, 0)

    def test_all_day_event_covers_whole_days_at_its_place(self, site, editor):
        data = event_data(time_zone="Africa/Tunis", all_day="on", start=f"{DAY} 15:00", end="2027-10-13 09:00")
        form = bound_form(site, editor, data)
        assert form.is_valid(), form.errors
        tunis = zoneinfo.ZoneInfo("Africa/Tunis")
        assert form.cleaned_data["start"] == datetime.datetime(2027, 10, 12, 0, 0, tzinfo=tunis)
        assert form.cleaned_data["end"] == datetime.datetime(2027, 10, 13, 23, 59, 59, tzinfo=tunis)

    def test_model_rules_surface_as_form_errors(self, site, editor):
        form = bound_form(site, editor, event_data(end=f"{DAY} 09:00"))
        assert not form.is_valid()
        assert "end" in form.errors


class TestCallFormClass:
    def test_deadline_read_in_call_zone(self, site, editor):
        form_class = CallForParticipationPage.get_edit_handler().get_form_class()
        data = nested_form_data(
            {
                "title": "Aufruf",
                "slug": "aufruf",
                "summary": "Kommunen gesucht.",
                "time_zone": "Africa/Algiers",
                "deadline": "2027-01-31 23:59",
                "body": streamfield([]),
                "documents": streamfield([]),
                "faq": streamfield([]),
                "comments": inline_formset([]),
            }
        )
        form = form_class(data, instance=CallForParticipationPage(), parent_page=site.call_index, for_user=editor)
        form.is_valid()
        assert form.cleaned_data["deadline"] == datetime.datetime(2027, 1, 31, 23, 59, tzinfo=ALGIERS)


class TestAdminAddEvent:
    """The same rule end to end: POST the Wagtail add-page form as a logged-in editor."""

    def post(self, client, site, data):
        url = reverse("wagtailadmin_pages:add", args=("programmes", "eventpage", site.event_index.pk))
        return client.post(url, data)

    @pytest.mark.parametrize("editor_zone", ["", "UTC"])
    def test_casablanca_event_entered_at_ten_is_ten_in_casablanca(self, client, site, editor, editor_zone):
        profile = UserProfile.get_for_user(editor)
        profile.current_time_zone = editor_zone
        profile.save()
        client.force_login(editor)
        response = self.post(client, site, event_data(time_zone="Africa/Casablanca", **{"action-publish": "1"}))
        assert response.status_code == 302, response.content.decode()[:2000]
        event = EventPage.objects.get(slug="infoworkshop")
        assert event.live
        assert event.start == datetime.datetime(2027, 10, 12, 10, 0, tzinfo=CASABLANCA)
        assert event.start.astimezone(UTC) == datetime.datetime(2027, 10, 12, 9, 0, tzinfo=UTC)
        assert event.zoned_start.strftime("%H:%M") == "10:00"

    def test_berlin_event_entered_at_ten_is_ten_in_berlin(self, client, site, editor):
        client.force_login(editor)
        response = self.post(client, site, event_data(time_zone="Europe/Berlin"))
        assert response.status_code == 302
        event = EventPage.objects.get(slug="infoworkshop")
        assert event.start.astimezone(UTC) == datetime.datetime(2027, 10, 12, 8, 0, tzinfo=UTC)

    def test_invalid_event_is_not_saved(self, client, site, editor):
        client.force_login(editor)
        response = self.post(client, site, event_data(event_format="on_site", online_details=""))
        assert response.status_code == 200  # the form is shown again with the error
        assert not EventPage.objects.filter(slug="infoworkshop").exists()


class TestZoneHelpers:
    def test_in_zone_and_labels(self):
        moment = datetime.datetime(2021, 3, 23, 9, 0, tzinfo=UTC)
        berlin = in_zone(moment, "Europe/Berlin")
        assert berlin.hour == 10
        assert zone_label(berlin) in {"CET", "MEZ"}  # translated where a catalogue exists
        assert zone_label(in_zone(moment, "Africa/Casablanca")) == "UTC+1"
        assert in_zone(None, "Europe/Berlin") is None
