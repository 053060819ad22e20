"""Retention purge and one person's data (export, delete)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.models import ExpressionOfInterest, OutgoingMail, Registration
from programmes.factories import EventPageFactory

from .conftest import interest_data, register

pytestmark = pytest.mark.django_db


def test_purge_removes_only_expired_submissions_and_reports_them(client, site, call, lands, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    now = timezone.now()
    old_event = EventPageFactory(title="Altes Treffen", start=now + datetime.timedelta(days=1))
    current = EventPageFactory(title="Neues Treffen")
    register(client, old_event, email="old@example.org")
    register(client, current, email="new@example.org")
    client.post(f"/de/participation/calls/{call.pk}/interest/", interest_data(call, lands, email="eoi@example.org"))
    # The old event ended 31 days ago; the call closed and the expression of interest was last changed 31 days ago.
    old_event.start, old_event.end = now - datetime.timedelta(days=32), now - datetime.timedelta(days=31)
    old_event.save_revision().publish()
    call.opening, call.deadline = now - datetime.timedelta(days=90), now - datetime.timedelta(days=31)
    call.save_revision().publish()
    ExpressionOfInterest.objects.update(updated_at=now - datetime.timedelta(days=31))
    OutgoingMail.objects.filter(to="old@example.org").update(created_at=now - datetime.timedelta(days=40))

    dry = io.StringIO()
    call_command("purge_expired_submissions", "--dry-run", stdout=dry)
    assert "Would delete 1 registrations" in dry.getvalue()
    assert Registration.objects.count() == 2

    out = io.StringIO()
    call_command("purge_expired_submissions", verbosity=2, stdout=out)
    report = out.getvalue()
    assert "Deleted 1 registrations" in report and "Altes Treffen" in report
    assert "Deleted 1 expressions of interest" in report
    assert "Deleted 1 emails" in report
    assert list(Registration.objects.values_list("email", flat=True)) == ["new@example.org"]
    assert not ExpressionOfInterest.objects.exists()
    assert not OutgoingMail.objects.filter(to="old@example.org").exists()


def test_export_and_delete_one_person(client, event, call, lands, mailbox):
    register(client, event, email="p0@example.org")
    register(client, event, email="anna@example.org", name="Anna")
    register(client, event, email="p2@example.org")  # capacity 2: waiting
    client.post(f"/de/participation/calls/{call.pk}/interest/", interest_data(call, lands, email="anna@example.org"))

    out = io.StringIO()
    call_command("personal_data", "export", "Anna@Example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert [r["name"] for r in data["event_registrations"]] == ["Anna"]
    assert len(data["expressions_of_interest"]) == 1 and len(data["emails_sent"]) == 2

    out = io.StringIO()
    call_command("personal_data", "delete", "anna@example.org", "--yes", stdout=out)
    assert "Deleted 1 registrations" in out.getvalue()
    assert not Registration.objects.filter(email="anna@example.org").exists()
    assert not ExpressionOfInterest.objects.exists()
    assert not OutgoingMail.objects.filter(to="anna@example.org").exists()
    # Anna's place went to the waiting list.
    assert Registration.objects.get(email="p2@example.org").status == "confirmed"


def test_admin_personal_data_view(admin_client, event):
    register(admin_client, event, email="anna@example.org")
    url = "/admin/participation/reports/personal-data/"
    export = admin_client.post(url, {"email": "anna@example.org", "export": "1"})
    assert export["Content-Type"].startswith("application/json")
    assert json.loads(export.content)["event_registrations"][0]["email"] == "anna@example.org"
    unconfirmed = admin_client.post(url, {"email": "anna@example.org", "delete": "1"})
    assert unconfirmed.status_code == 200 and Registration.objects.exists()
    deleted = admin_client.post(url, {"email": "anna@example.org", "delete": "1", "confirm_delete": "on"})
    assert deleted.status_code == 302 and not Registration.objects.exists()


def test_deleting_and_purging_leave_no_personal_data_in_the_audit_log(client, event, call, lands, settings):
    """Admin edits are logged as "name (e-mail)"; the history stays, whose submission it was goes."""
    from wagtail.log_actions import log
    from wagtail.models import ModelLogEntry

    register(client, event, email="anna@example.org", name="Anna Beispiel")
    register(client, event, email="old@example.org", name="Otto Alt")
    log(Registration.objects.get(email="anna@example.org"), "wagtail.edit")
    log(Registration.objects.get(email="old@example.org"), "wagtail.edit")
    assert ModelLogEntry.objects.filter(label__contains="anna@example.org").exists()

    call_command("personal_data", "delete", "anna@example.org", "--yes", stdout=io.StringIO())
    settings.PARTICIPATION_RETENTION_DAYS = 30
    event.start, event.end = timezone.now() - datetime.timedelta(days=32), timezone.now() - datetime.timedelta(days=31)
    event.save_revision().publish()
    call_command("purge_expired_submissions", stdout=io.StringIO())

    labels = list(ModelLogEntry.objects.filter(action="wagtail.edit").values_list("label", flat=True))
    assert len(labels) == 2
    assert not [label for label in labels if "example.org" in label or "Anna" in label or "Otto" in label]
