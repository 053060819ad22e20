"""Nothing saved is lost: the retention purge waits for the team, pages with submissions stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import ProtectedError
from django.utils import timezone

from participation.models import ExpressionOfInterest, Registration

from .conftest import interest_data, register

pytestmark = pytest.mark.django_db


def submit(client, call, lands, email):
    client.post(f"/de/participation/calls/{call.pk}/interest/", interest_data(call, lands, email=email))
    return ExpressionOfInterest.objects.get(email=email)


def test_an_unreviewed_expression_of_interest_for_an_open_call_is_never_purged(client, call, lands, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    interest = submit(client, call, lands, "new@example.org")
    # Untouched for long, status still "new", and the call is still open (its deadline is ahead).
    ExpressionOfInterest.objects.update(updated_at=timezone.now() - datetime.timedelta(days=400))
    out = io.StringIO()
    call_command("purge_expired_submissions", stdout=out)
    assert "Deleted 0 expressions of interest" in out.getvalue()
    assert ExpressionOfInterest.objects.filter(pk=interest.pk, status="new").exists()


def test_retention_counts_from_the_calls_deadline_or_the_last_change_whichever_is_later(client, call, lands, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    now = timezone.now()
    recently_worked_on = submit(client, call, lands, "recent@example.org")
    old = submit(client, call, lands, "old@example.org")
    call.opening, call.deadline = now - datetime.timedelta(days=90), now - datetime.timedelta(days=31)
    call.save_revision().publish()
    ExpressionOfInterest.objects.filter(pk=recently_worked_on.pk).update(updated_at=now - datetime.timedelta(days=10))
    ExpressionOfInterest.objects.filter(pk=old.pk).update(updated_at=now - datetime.timedelta(days=40))
    call_command("purge_expired_submissions", stdout=io.StringIO())
    assert list(ExpressionOfInterest.objects.values_list("email", flat=True)) == ["recent@example.org"]


def test_an_event_page_with_registrations_cannot_be_deleted_and_the_admin_says_why(admin_client, event):
    register(admin_client, event, email="a@example.org")
    url = f"/admin/pages/{event.pk}/delete/"
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "kann nicht gelöscht werden" in html and "1 Veranstaltungsanmeldung" in html
    assert "a@example.org" not in html
    response = admin_client.post(url)
    assert response.status_code == 409
    assert Registration.objects.filter(event=event).exists()
    event.refresh_from_db()
    # Nor with the index page above it, nor in a bulk action.
    parent = event.get_parent()
    assert admin_client.post(f"/admin/pages/{parent.pk}/delete/").status_code == 409
    bulk = admin_client.post(f"/admin/bulk/wagtailcore/page/delete/?id={parent.pk}")
    assert bulk.status_code == 409
    assert Registration.objects.filter(event=event).exists()
    # Outside the admin the database refuses too.
    with pytest.raises(ProtectedError):
        event.delete()


def test_a_call_page_with_expressions_of_interest_cannot_be_deleted(admin_client, call, lands):
    submit(admin_client, call, lands, "eoi@example.org")
    response = admin_client.post(f"/admin/pages/{call.pk}/delete/")
    html = response.content.decode()
    assert (
        response.status_code == 409
        and "1 Interessensbekundung gehört" in html
        and "Veranstaltungsanmeldung gehört" not in html
    )
    assert ExpressionOfInterest.objects.exists()


def test_a_page_without_submissions_is_deleted_as_usual(admin_client, event):
    assert admin_client.post(f"/admin/pages/{event.pk}/delete/").status_code == 302
    assert not type(event).objects.filter(pk=event.pk).exists()


def test_resetting_the_demo_refuses_while_submissions_exist(client, event):
    from cms.management.commands.load_demo_content import reset_content

    register(client, event, email="a@example.org")
    with pytest.raises(CommandError, match="1 registration"):
        reset_content()
    assert Registration.objects.exists()
