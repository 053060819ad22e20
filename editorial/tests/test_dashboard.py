"""Dashboard panels: what they show, for whom, and in a flat number of queries."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from participation.models import Registration
from participation.panels import NewSubmissionsPanel
from programmes.factories import CallForParticipationPageFactory, EventPageFactory, make_draft
from programmes.panels import CallDeadlinesPanel, UpcomingEventsPanel, registration_counts


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def render(panel):
    return panel.render_html({})


def queries(panel):
    with CaptureQueriesContext(connection) as context:
        render(panel)
    return len(context.captured_queries)


@pytest.mark.django_db
class TestCallDeadlines:
    def test_lists_german_calls_closing_within_14_days_soonest_first(self, users):
        CallForParticipationPageFactory(title="Später", deadline=days(20))
        CallForParticipationPageFactory(title="Bald", deadline=days(3))
        CallForParticipationPageFactory(title="Vorbei", opening=days(-30), deadline=days(-1))
        make_draft(CallForParticipationPageFactory, title="Entwurf", deadline=days(10))
        html = render(CallDeadlinesPanel(users.editor))
        assert "Bald" in html and "Entwurf" in html  # drafts too: editors must finish them in time
        assert "Später" not in html and "Vorbei" not in html
        assert html.index("Bald") < html.index("Entwurf")
        # Aliases in the other languages are not listed again.
        assert [call.title for call in CallDeadlinesPanel(users.editor).calls()] == ["Bald", "Entwurf"]

    def test_query_count_is_flat(self, users):
        CallForParticipationPageFactory(deadline=days(5))
        few = queries(CallDeadlinesPanel(users.editor))
        for n in range(5):
            CallForParticipationPageFactory(deadline=days(n + 1))
        assert queries(CallDeadlinesPanel(users.editor)) == few == 1


def register(event, *statuses):
    """Registrations for ``event`` with the given statuses, as the registration form would store them."""
    for number, status in enumerate(statuses):
        Registration.objects.create(
            event=event,
            name=f"Person {number}",
            organisation="Stadt Musterstadt",
            email=f"person{number}@example.org",
            language="de",
            consent_at=timezone.now(),
            status=status,
            submission_token=f"dashboard-{event.pk}-{number:08d}",
        )


def row(html, title):
    """The table row of the event called ``title``."""
    (found,) = [part for part in html.split("<tr>") if title in part]
    return found


@pytest.mark.django_db
class TestUpcomingEvents:
    def test_without_participation_shows_capacity(self, users, settings):
        settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "participation"]
        EventPageFactory(title="Infotag", capacity=40)
        EventPageFactory(title="Gestern", start=days(-2), end=days(-1))
        html = render(UpcomingEventsPanel(users.editor))
        assert "Infotag" in html and "40" in html and "Gestern" not in html
        assert registration_counts([]) is None

    def test_with_participation_shows_registrations_against_capacity(self, users):
        full = EventPageFactory(title="Infotag", capacity=2)
        register(full, "confirmed", "confirmed", "waiting", "cancelled")
        open_event = EventPageFactory(title="Werkstatt", capacity=5, start=days(9), end=days(10))
        register(open_event, "confirmed")
        assert registration_counts([full, open_event]) == {full.pk: (2, 1), open_event.pk: (1, 0)}
        with translation.override("en"):
            html = render(UpcomingEventsPanel(users.editor))
        full_row, open_row = row(html, "Infotag"), row(html, "Werkstatt")
        assert "2 / 2" in full_row
        assert "1 on the waiting list" in full_row
        assert "Fully booked" in full_row
        assert "1 / 5" in open_row
        assert "Fully booked" not in open_row and "waiting list" not in open_row

    def test_query_count_is_flat(self, users):
        EventPageFactory()
        few = queries(UpcomingEventsPanel(users.editor))
        for n in range(5):
            EventPageFactory(start=days(n + 2), end=days(n + 3))
        assert queries(UpcomingEventsPanel(users.editor)) == few <= 2


@pytest.mark.django_db
class TestDashboard:
    def test_panels_are_on_the_dashboard(self, client, users):
        CallForParticipationPageFactory(title="Aufruf kurz vor Schluss", deadline=days(2))
        EventPageFactory(title="Nächste Veranstaltung")
        client.force_login(users.editor)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert 'id="call-deadlines' in html and "Aufruf kurz vor Schluss" in html
        assert 'id="upcoming-events' in html and "Nächste Veranstaltung" in html
        assert "outdated-translations-heading" in html

    def test_dashboard_query_count_is_flat(self, client, users):
        CallForParticipationPageFactory(deadline=days(1))
        EventPageFactory()
        client.force_login(users.approver)
        client.get(reverse("wagtailadmin_home"))  # warm caches (content types, site root paths)
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("wagtailadmin_home"))
        for n in range(4):
            CallForParticipationPageFactory(deadline=days(n + 1))
            EventPageFactory(start=days(n + 2), end=days(n + 3))
        # New content replaces the cache generation; warm again, as the first count was (cms/site_chrome.py).
        client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as many:
            client.get(reverse("wagtailadmin_home"))
        assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
class TestNewSubmissions:
    def test_needs_permission(self, users):
        assert render(NewSubmissionsPanel(users.editor)) == ""

    def test_counts_for_programme_team(self, users):
        from django.contrib.auth.models import Permission

        users.team.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="participation", codename__startswith="view_")
        )
        users.team = type(users.team).objects.get(pk=users.team.pk)  # fresh permission cache
        panel = NewSubmissionsPanel(users.team)
        assert {row["count"] for row in panel.rows()} == {0}
        with CaptureQueriesContext(connection) as context:
            render(panel)
        assert len(context.captured_queries) <= 3


def status_cell(html, title):
    """The text of the status cell in the row of ``title``."""
    import re

    row = re.search(rf"{re.escape(title)}.*?</tr>", html, re.S).group(0)
    return re.findall(r"<td>\s*([^<]*?)\s*</td>\s*</tr>", row + "</tr>")[0]


@pytest.mark.django_db
class TestStatusAndAudience:
    def test_status_shows_moderation_and_schedule(self, users):
        from wagtail.models import Page

        waiting = make_draft(CallForParticipationPageFactory, title="Wartet auf Freigabe", deadline=days(3))
        Page.objects.get(pk=waiting.pk).get_workflow().start(waiting, users.editor)
        planned = make_draft(CallForParticipationPageFactory, title="Geplanter Aufruf", deadline=days(4))
        planned.go_live_at = days(1)
        planned.save_revision().publish()  # with a future go-live time this schedules
        live = CallForParticipationPageFactory(title="Laufender Aufruf", deadline=days(5))
        live.save_revision().publish()
        Page.objects.get(pk=live.pk).get_workflow().start(live.specific, users.editor)
        make_draft(CallForParticipationPageFactory, title="Nur Entwurf", deadline=days(6))

        panel = CallDeadlinesPanel(users.editor)
        html = render(panel)
        assert status_cell(html, "Wartet auf Freigabe") == "in Freigabe"
        assert status_cell(html, "Geplanter Aufruf") == "geplant"
        assert status_cell(html, "Laufender Aufruf") == "veröffentlicht + in Freigabe"
        assert status_cell(html, "Nur Entwurf") == "Entwurf"
        assert queries(panel) == 1  # the states come with the rows

    def test_event_status_in_one_query(self, users):
        from wagtail.models import Page

        event = make_draft(EventPageFactory, title="Eingereichte Veranstaltung")
        Page.objects.get(pk=event.pk).get_workflow().start(event, users.editor)
        panel = UpcomingEventsPanel(users.editor)
        assert status_cell(render(panel), "Eingereichte Veranstaltung") == "in Freigabe"
        EventPageFactory(start=days(3), end=days(4))
        assert queries(panel) <= 2

    def test_panels_by_role(self, client, users):
        CallForParticipationPageFactory(title="Aufruf kurz vor Schluss", deadline=days(2))
        event = EventPageFactory(title="Nächste Veranstaltung")
        edit_url = reverse("wagtailadmin_pages:edit", args=[event.pk])
        for user, deadlines, events in (
            (users.editor, True, True),
            (users.approver, True, True),
            (users.admin, True, True),
            (users.team, False, True),
            (users.fr, False, False),
        ):
            client.force_login(user)
            html = client.get(reverse("wagtailadmin_home")).content.decode()
            assert ('id="call-deadlines' in html) is deadlines, user
            assert ('id="upcoming-events' in html) is events, user
            if events:
                assert "Nächste Veranstaltung" in html
                # Edit links only for those who may edit German pages.
                assert (edit_url in html) is deadlines, user


TUNIS = zoneinfo.ZoneInfo("Africa/Tunis")


@pytest.mark.django_db
def test_start_is_the_wall_clock_time_at_the_event_with_its_place(client, users):
    """09:30 in Tunis is 10:30 in Berlin on summer time: the admin (Europe/Berlin) must still say 09:30."""
    start = datetime.datetime(2027, 5, 14, 9, 30, tzinfo=TUNIS)
    EventPageFactory(title="Infotag Tunis", time_zone="Africa/Tunis", start=start, end=start.replace(hour=16))
    CallForParticipationPageFactory(title="Aufruf Tunis", time_zone="Africa/Tunis", deadline=days(3))
    for user in (users.editor, users.admin):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language, profile.current_time_zone = "de", "Europe/Berlin"
        profile.save()

    client.force_login(users.editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "14.05.2027 09:30 (Tunis)" in dashboard and "10:30" not in dashboard
    assert dashboard.count("(Tunis)") == 2  # the call deadline too

    client.force_login(users.admin)
    report = client.get("/admin/participation/reports/registrations-by-event/").content.decode()
    assert "14.05.2027 09:30 (Tunis)" in report
