"""What keeps editors from breaking things: page-type rules, statuses that change by themselves,
scheduled publishing, required alt text, a readable audit log, content checks in the preview."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from programmes.factories import CallForParticipationPageFactory, EventPageFactory

from .forms import event_form_data

# Which page types of home and programmes the admin offers under which parent (pinned: a change here
# is a decision). Another installed app pins its own types (news/tests/test_models.py).
PINNED_APPS = {"home", "programmes"}
CREATION_MATRIX = {
    "home": {"home.standardpage", "programmes.programmepage"},
    "topic_index": {"programmes.topicpage"},
    "call_index": {"programmes.callforparticipationpage"},
    "event_index": {"programmes.eventpage"},
    "partnership_index": set(),
}


def later(days):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.mark.django_db
class TestCreationMatrix:
    @pytest.mark.parametrize("parent", CREATION_MATRIX)
    def test_admin_offers_only_allowed_types(self, client, users, synced_site, parent):
        client.force_login(users.editor)
        page = getattr(synced_site, parent)
        response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[page.pk]))
        # With a single allowed type the admin goes straight to its form.
        html = response["Location"] if response.status_code == 302 else response.content.decode()
        offered = {
            f"{model._meta.app_label}.{model._meta.model_name}"
            for model in page.specific.allowed_subpage_models()
            if model.can_create_at(page.specific) and model._meta.app_label in PINNED_APPS
        }
        assert offered == CREATION_MATRIX[parent]
        for label in offered:
            assert reverse("wagtailadmin_pages:add", args=[*label.split("."), page.pk]) in html

    def test_event_cannot_be_created_under_the_call_index(self, client, users, synced_site):
        client.force_login(users.editor)
        url = reverse("wagtailadmin_pages:add", args=["programmes", "eventpage", synced_site.call_index.pk])
        assert client.get(url).status_code in (302, 403)

    def test_the_event_form_says_an_empty_registration_link_means_the_sites_own_form(
        self, german_admin_client, synced_site
    ):
        url = reverse("wagtailadmin_pages:add", args=["programmes", "eventpage", synced_site.event_index.pk])
        html = german_admin_client.get(url).content.decode()
        assert "Leer lassen, um das eigene Anmeldeformular dieser Website zu nutzen" in html

    def test_every_field_of_event_and_call_explains_itself(self, client, users, synced_site):
        from programmes.models import CallForParticipationPage, EventPage

        for model in (EventPage, CallForParticipationPage):
            own = [f for f in model._meta.get_fields() if getattr(f, "model", None) is model and f.editable]
            missing = [f.name for f in own if not f.auto_created and not f.help_text and f.name != "page_ptr"]
            assert missing == [], model


@pytest.mark.django_db
class TestStatusFollowsTheClock:
    def test_call_closes_and_event_passes_without_unpublishing(self, client, synced_site):
        call = CallForParticipationPageFactory(title="Aufruf Wasser", deadline=later(2))
        call.save_revision().publish()
        event = EventPageFactory(title="Infoabend", start=later(1), end=later(1) + datetime.timedelta(hours=2))
        event.save_revision().publish()
        assert "Offen" in client.get(call.url).content.decode()

        # The whole clock, as in reality: cached parts expire at the next status change by the clock too.
        with freeze_time(later(3)):
            call = Page.objects.get(pk=call.pk).specific
            assert call.live  # nobody unpublished it
            assert "Abgeschlossen" in client.get(call.url).content.decode()
            closed = client.get(synced_site.call_index.url + "?status=closed").content.decode()
            assert "Aufruf Wasser" in closed
            assert "Aufruf Wasser" not in client.get(synced_site.call_index.url + "?status=open").content.decode()
            assert "Vergangen" in client.get(Page.objects.get(pk=event.pk).url).content.decode()
            assert "Infoabend" in client.get(synced_site.event_index.url + "?when=past").content.decode()


@pytest.mark.django_db
class TestScheduledPublishing:
    def test_scheduled_page_waits_then_publish_scheduled_publishes_it(self, client, users, synced_site, monkeypatch):
        event = EventPageFactory(title="Geplante Veranstaltung", live=False)
        event.save_revision()
        go_live = later(2).astimezone(datetime.UTC).replace(second=0, microsecond=0)
        client.force_login(users.approver)
        data = event_form_data(event, action="publish")
        data["go_live_at"] = timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
        response = client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
        assert response.status_code == 302
        page = Page.objects.get(pk=event.pk)
        assert not page.live and page.go_live_at == go_live

        # The admin shows the schedule: in the editor's status panel and the explorer listing.
        edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
        assert "Go-Live:" in edit_html
        listing = client.get(reverse("wagtailadmin_explore", args=[synced_site.event_index.pk])).content.decode()
        assert "geplant" in listing
        assert client.get("/de/veranstaltungen/geplante-veranstaltung/").status_code == 404

        call_command("publish_scheduled", stdout=io.StringIO())
        assert not Page.objects.get(pk=event.pk).live  # not yet time
        after = go_live + datetime.timedelta(minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: after)  # the cron job runs after the go-live time
        call_command("publish_scheduled", stdout=io.StringIO())
        assert Page.objects.get(pk=event.pk).live


@pytest.mark.django_db
class TestScheduledJobsInDevelopment:
    """`make run` runs the scheduled jobs (publish_scheduled, send_pending_mail) beside the server."""

    def test_one_run_publishes_due_pages_and_sends_pending_mail(self, synced_site, monkeypatch):
        from django.core import mail

        from participation.models import OutgoingMail

        event = EventPageFactory(title="Bald online", live=False)
        event.go_live_at = later(1)
        event.save_revision().publish()  # scheduled, not live yet
        OutgoingMail.objects.create(to="person@example.org", subject="Bestätigung", body="Danke.")
        after = later(2)
        monkeypatch.setattr(timezone, "now", lambda: after)
        mail.outbox.clear()
        call_command("run_scheduled_jobs", "--once", stdout=io.StringIO())
        assert Page.objects.get(pk=event.pk).live
        assert [message.subject for message in mail.outbox] == ["Bestätigung"]

    def test_loop_ends_when_make_is_gone(self, synced_site, monkeypatch):
        from cms.management.commands import run_scheduled_jobs

        runs = []
        parents = iter([100, 100, 1])  # at start, after the first sleep, after the second (orphaned)
        monkeypatch.setattr(run_scheduled_jobs.os, "getppid", lambda: next(parents))
        monkeypatch.setattr(run_scheduled_jobs.time, "sleep", lambda seconds: runs.append(seconds))
        monkeypatch.setattr(run_scheduled_jobs.Command, "run_jobs", lambda self: runs.append("jobs"))
        call_command("run_scheduled_jobs", "--interval", "60", stdout=io.StringIO())
        assert runs == ["jobs", 60, "jobs", 60]

    def test_make_run_starts_the_jobs_beside_the_server(self):
        import subprocess
        from pathlib import Path

        from django.conf import settings

        # Dry run (-n) of the recipe alone (-o: prerequisites taken as done): nothing is executed.
        result = subprocess.run(
            ["make", "-n", "-o", "messages", "-o", "demo", "run"],
            cwd=Path(settings.BASE_DIR),
            capture_output=True,
            text=True,
            check=True,
        )
        recipe = result.stdout
        assert "run_scheduled_jobs" in recipe and "&" in recipe.split("run_scheduled_jobs", 1)[1]
        assert "trap" in recipe and "kill" in recipe
        assert recipe.index("run_scheduled_jobs") < recipe.index("runserver")


@pytest.mark.django_db
class TestImageAltText:
    def test_image_edit_form_requires_alt_text(self, client, users, synced_site):
        from wagtail.images.models import Image

        image = Image.objects.create(title="Rathaus", file=get_test_image_file())
        client.force_login(users.editor)
        url = reverse("wagtailimages:edit", args=[image.pk])
        form_html = client.get(url).content.decode()
        assert "Alternativtext" in form_html
        response = client.post(url, {"title": "Rathaus", "description": "", "collection": image.collection_id})
        assert response.status_code == 200 and "description" in response.context["form"].errors
        response = client.post(
            url, {"title": "Rathaus", "description": "Das Rathaus von Tlemcen", "collection": image.collection_id}
        )
        assert response.status_code == 302
        image.refresh_from_db()
        assert image.description == "Das Rathaus von Tlemcen"


@pytest.mark.django_db
class TestAuditLog:
    def test_site_history_is_readable_in_german(self, client, users):
        event = EventPageFactory(title="Protokollierte Veranstaltung")
        event.save_revision(user=users.approver, log_action=True).publish(user=users.approver)
        client.force_login(users.approver)
        response = client.get(reverse("wagtailadmin_reports:site_history"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Protokollierte Veranstaltung" in html and "Veröffentlicht" in html

    def test_page_history_shows_the_workflow(self, client, users):
        event = EventPageFactory(title="Veranstaltung mit Freigabe", live=False)
        client.force_login(users.editor)
        client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), event_form_data(event, action="submit"))
        html = client.get(reverse("wagtailadmin_pages:history", args=[event.pk])).content.decode()
        assert "Workflow gestartet" in html or "Zur Freigabe" in html or "Freigabe" in html


@pytest.mark.django_db
class TestContentChecks:
    def test_editor_has_the_checks_panel(self, client, users, synced_site):
        event = EventPageFactory(title="Geprüfte Veranstaltung")
        client.force_login(users.editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
        assert 'data-side-panel="checks"' in html

    def test_preview_runs_the_content_checker(self, client, users, synced_site):
        event = EventPageFactory(title="Vorschau")
        event.save_revision()
        client.force_login(users.editor)
        html = client.get(reverse("wagtailadmin_pages:view_draft", args=[event.pk])).content.decode()
        assert 'id="checker-axe-configuration"' in html
        assert '"image-alt"' in html  # the platform's extra rules

    def test_every_rule_has_a_german_message(self, client, users, synced_site):
        import json
        import re

        from editorial.wagtail_hooks import PlatformContentChecker

        event = EventPageFactory(title="Vorschau")
        event.save_revision()
        client.force_login(users.editor)
        html = client.get(reverse("wagtailadmin_pages:view_draft", args=[event.pk])).content.decode()
        script = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
        configuration = json.loads(script.group(1))
        rules = configuration["options"]["runOnly"]
        assert set(PlatformContentChecker.axe_run_only) <= set(rules)
        assert sorted(set(rules) - set(configuration["messages"])) == []  # none falls back to axe's English
        extra = configuration["messages"]
        assert extra["image-alt"]["error_name"] == "Bild ohne Alternativtext"
        assert extra["valid-lang"]["error_name"] == "Ungültiger Sprachcode"
        for rule in ("link-in-text-block", "list", "listitem"):
            english = str(PlatformContentChecker.axe_messages[rule]["error_name"]._args[0])
            assert extra[rule]["error_name"] and extra[rule]["error_name"] != english

    def test_visitors_get_no_userbar(self, client, synced_site):
        event = EventPageFactory(title="Öffentlich")
        event.save_revision().publish()
        assert "checker-axe-configuration" not in client.get(Page.objects.get(pk=event.pk).url).content.decode()


@pytest.mark.django_db
class TestEditorGuide:
    GUIDE = "editorial_guide:editor_guide"

    def test_guide_is_in_german_and_covers_the_work(self, client, users, synced_site):
        client.force_login(users.editor)
        response = client.get(reverse(self.GUIDE))
        assert response.status_code == 200
        html = response.content.decode()
        for heading in (
            "Einen Aufruf anlegen",
            "Die Veranstaltung zum Aufruf anlegen",
            "Zur Freigabe einreichen",
            "Freigeben und veröffentlichen",
            "Zu einem festen Zeitpunkt veröffentlichen",
            "Ins Französische, Arabische und Englische übersetzen",
            "Veraltete Übersetzungen abgleichen",
            "Alternativtext für Bilder",
            "Wo die Einsendungen sind",
            "Bilder im Text: Alternativtext nur einmal",
            "Neuer Veranstaltungsort, neue Organisation oder Kontaktstelle aus dem Formular",
            "Was die Freigabe meldet",
            "Anmeldungen für Excel exportieren",
            "Alternativtexte in Ihrer Sprache",
        ):
            assert heading in html, heading
        assert reverse("editorial:outdated_translations") in html
        assert reverse("editorial_alt_texts:alt_texts") in html
        # No English sentence left (every text goes through the German catalogue).
        for english in ("This guide explains", "Add child page", "Submit to Freigabe", "Sync with source"):
            assert english not in html

    def test_help_menu_and_dashboard_link_to_the_guide(self, client, users, synced_site):
        client.force_login(users.fr)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "guide.wagtail.org" not in html
        assert html.count(reverse(self.GUIDE)) >= 2  # the sidebar's help menu and the account summary
        assert "Editor-Leitfaden" in html
