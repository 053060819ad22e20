"""The publishing calendar: scheduled go-live and expiry dates by day, in the admin's time zone, by language."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from editorial_tools.publishing_calendar import calendar_days
from home.factories import StandardPageFactory
from programmes.factories import make_draft

CALENDAR = "editorial_tools:publishing_calendar"
TUNIS = ZoneInfo("Africa/Tunis")
NEXT_YEAR = timezone.now().year + 1


def at(month, day, hour, minute=0):
    return datetime(NEXT_YEAR, month, day, hour, minute, tzinfo=TUNIS)


def schedule(page, go_live_at):
    page.go_live_at = go_live_at
    page.save_revision().publish()  # a future go-live: the revision waits, approved
    return page


def in_zone(user, zone="Africa/Tunis", language="de"):
    profile = UserProfile.get_for_user(user)
    profile.current_time_zone = zone
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def scheduled(synced_site):
    goes_live = schedule(make_draft(StandardPageFactory, title="Neue Ausschreibung"), at(5, 14, 9, 30))
    expiring = StandardPageFactory(title="Alter Aufruf", expire_at=at(5, 14, 18))
    expiring.save_revision().publish()
    fr = Locale.objects.get(language_code="fr")
    french = make_draft(StandardPageFactory, title="Nouvel appel").copy_for_translation(fr)
    schedule(french, at(6, 1, 8))
    StandardPageFactory(title="Ohne Termin").save_revision().publish()
    return goes_live, expiring, french


def titles(days):  # in the active language, German
    return [[(entry.title, str(entry.action)) for entry in entries] for day, entries in days]


@pytest.mark.django_db
class TestCalendar:
    def test_lists_go_live_and_expiry_by_day_in_order(self, scheduled):
        with timezone.override(TUNIS):
            days = calendar_days()
        assert [day for day, _ in days] == [at(5, 14, 0).date(), at(6, 1, 0).date()]
        assert titles(days) == [
            [("Neue Ausschreibung", "Geht online"), ("Alter Aufruf", "Läuft ab")],
            [("Nouvel appel", "Geht online")],
        ]

    def test_filters_by_language(self, scheduled):
        days = calendar_days(Locale.objects.get(language_code="fr"))
        assert titles(days) == [[("Nouvel appel", "Geht online")]]

    def test_shows_times_in_the_admin_s_zone_and_names_it(self, client, users, scheduled):
        in_zone(users.editor)
        client.force_login(users.editor)
        html = client.get(reverse(CALENDAR)).content.decode()
        assert "Africa/Tunis" in html
        assert "09:30" in html and "18:00" in html
        assert "Geht online" in html and "Läuft ab" in html

    def test_the_language_filter_in_the_view(self, client, users, scheduled):
        client.force_login(users.editor)
        html = client.get(reverse(CALENDAR), {"locale": "fr"}).content.decode()
        assert "Nouvel appel" in html and "Neue Ausschreibung" not in html

    def test_links_to_the_page_editor(self, client, users, scheduled):
        client.force_login(users.editor)
        html = client.get(reverse(CALENDAR)).content.decode()
        assert reverse("wagtailadmin_pages:edit", args=[scheduled[0].pk]) in html

    def test_a_fixed_number_of_queries(self, client, users, scheduled, django_assert_max_num_queries):
        client.force_login(users.editor)
        client.get(reverse(CALENDAR))  # warms the per-process caches (content types, site root)
        with django_assert_max_num_queries(16):
            assert client.get(reverse(CALENDAR)).status_code == 200
        for number in range(5):
            schedule(make_draft(StandardPageFactory, title=f"Seite {number}"), at(7, 1 + number, 10))
        with django_assert_max_num_queries(16):
            assert client.get(reverse(CALENDAR)).status_code == 200

    def test_exports_an_icalendar_file_for_the_team(self, client, users, scheduled):
        client.force_login(users.editor)
        response = client.get(reverse(CALENDAR), {"format": "ics", "locale": "de"})
        assert response["Content-Type"] == "text/calendar"
        assert "no-store" in response["Cache-Control"]
        text = response.content.decode().replace("\r\n ", "")  # unfold long lines (RFC 5545 §3.1)
        assert "SUMMARY:Geht online: Neue Ausschreibung" in text
        assert f"DTSTART:{NEXT_YEAR}0514T083000Z" in text  # 09:30 in Tunis
        assert "Nouvel appel" not in text  # the language filter applies
        assert reverse("wagtailadmin_pages:edit", args=[scheduled[0].pk]) in text

    def test_the_export_needs_an_admin_login(self, client, scheduled):
        response = client.get(reverse(CALENDAR), {"format": "ics"})
        assert response.status_code == 302 and "login" in response["Location"]
