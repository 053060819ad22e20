"""Nothing lost: the submission is committed before any e-mail is sent, failures are retried."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from participation.models import OutgoingMail, Registration

from .conftest import register


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


@pytest.fixture
def broken_mail(settings):
    settings.EMAIL_BACKEND = "participation.tests.test_mail_failure.BrokenBackend"


def test_mail_failure_keeps_the_registration_and_queues_a_retry(tx_site, client, settings, caplog):
    from programmes.factories import EventPageFactory

    event = EventPageFactory(capacity=5)
    settings.EMAIL_BACKEND = "participation.tests.test_mail_failure.BrokenBackend"
    response = register(client, event)
    assert response.status_code == 302  # the visitor still gets the confirmation page
    registration = Registration.objects.get()
    assert client.get(response.url).status_code == 200
    outgoing = OutgoingMail.objects.get()
    assert outgoing.sent_at is None and outgoing.attempts == 1 and "SMTP server down" in outgoing.last_error
    assert "failed" in caplog.text

    # The mail server is back: the command delivers it, the registration was never touched.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_pending_mail", stdout=out)
    assert "Sent 1" in out.getvalue()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [registration.email]
    assert mail.outbox[0].attachments[0][0] == "event.ics"
    outgoing.refresh_from_db()
    assert outgoing.sent_at is not None and outgoing.attempts == 2
    Registration.objects.get(pk=registration.pk)


def test_mail_leaves_only_after_commit(tx_site, settings, monkeypatch):
    """If the transaction rolls back, no e-mail leaves; when it commits, the row exists before sending."""
    from django.db import transaction

    from participation import mail as outbox
    from participation.services import register as register_service
    from programmes.factories import EventPageFactory

    event = EventPageFactory()
    seen = []
    original_send = outbox.send

    def checking_send(message):
        # At send time the registration is already committed (visible to a fresh query).
        seen.append(Registration.objects.filter(email="x@example.org").exists())
        return original_send(message)

    monkeypatch.setattr(outbox, "send", checking_send)
    data = {"name": "X", "organisation": "Y", "email": "x@example.org", "language": "de"}
    with pytest.raises(RuntimeError), transaction.atomic():
        register_service(event, data, "token-rollback-0000001")
        raise RuntimeError
    assert seen == [] and not Registration.objects.exists() and not OutgoingMail.objects.exists()
    register_service(event, data, "token-commit-00000001")
    assert seen == [True]


def test_next_submission_retries_earlier_failures(db, site, client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from programmes.factories import EventPageFactory

    event = EventPageFactory()
    stale = OutgoingMail.objects.create(to="old@example.org", subject="Alt", body="…")
    OutgoingMail.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(minutes=5), attempts=1)
    mail.outbox.clear()
    register(client, event)
    assert sorted(m.to[0] for m in mail.outbox) == ["erika@example.org", "old@example.org"]
    stale.refresh_from_db()
    assert stale.sent_at is not None


@pytest.fixture
def given_up(db, settings):
    """An e-mail whose every automatic attempt failed."""
    settings.PARTICIPATION_MAIL_MAX_ATTEMPTS = 3
    return OutgoingMail.objects.create(
        to="anna@example.org", subject="Anmeldung bestätigt", body="…", attempts=3, last_error="SMTP down"
    )


def test_giving_up_on_an_e_mail_is_logged_as_an_error(db, broken_mail, settings, caplog):
    from participation import mail as outbox

    settings.PARTICIPATION_MAIL_MAX_ATTEMPTS = 2
    stale = OutgoingMail.objects.create(to="anna@example.org", subject="Hallo", body="…")
    outbox.send(stale)
    assert [r.levelname for r in caplog.records if "failed" in r.getMessage()] == ["WARNING"]
    caplog.clear()
    outbox.send(stale)
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "not retried any more" in errors[0].getMessage()
    assert not outbox.pending().filter(pk=stale.pk).exists() and outbox.failed().get() == stale
    out, err = io.StringIO(), io.StringIO()
    call_command("send_pending_mail", stdout=out, stderr=err)
    assert "1 not retried any more" in out.getvalue() and "resend" in err.getvalue()


def test_failed_e_mails_are_shown_on_the_dashboard_and_in_the_outbox(admin_client, given_up):
    OutgoingMail.objects.create(to="ok@example.org", subject="Gesendet", body="…", sent_at=timezone.now())
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Nicht zugestellte E-Mails" in dashboard and "?delivery=failed" in dashboard
    listing = admin_client.get("/admin/participation/outbox/?delivery=failed").content.decode()
    assert "anna@example.org" in listing and "ok@example.org" not in listing
    assert "Fehlgeschlagen – wird nicht mehr versucht" in listing
    resend = f"/admin/participation/reports/outbox/resend/{given_up.pk}/"
    assert resend in listing
    assert resend in admin_client.get(f"/admin/participation/outbox/inspect/{given_up.pk}/").content.decode()


def test_no_panel_without_failed_e_mails(admin_client, db):
    assert "Nicht zugestellte E-Mails" not in admin_client.get("/admin/").content.decode()


def test_the_team_resends_failed_e_mails_once_the_server_works(client, django_user_model, given_up, settings):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITOR_GROUP, PROGRAMME_TEAM_GROUP

    call_command("setup_roles", stdout=io.StringIO())
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(editor)
    url = f"/admin/participation/reports/outbox/resend/{given_up.pk}/"
    assert client.post(url).status_code in (302, 403)
    given_up.refresh_from_db()
    assert given_up.sent_at is None

    team = django_user_model.objects.create_user("team", "team@example.org", "pw")
    team.groups.add(Group.objects.get(name=PROGRAMME_TEAM_GROUP))
    client.force_login(team)
    assert "anna@example.org" in client.get(url).content.decode()  # asks first
    mail.outbox.clear()
    response = client.post(url)
    assert response.status_code == 302
    given_up.refresh_from_db()
    assert given_up.sent_at is not None and [m.to for m in mail.outbox] == [["anna@example.org"]]


def test_resending_all_failed_e_mails_when_one_fails_again(admin_client, given_up, broken_mail):
    response = admin_client.post("/admin/participation/reports/outbox/resend/", follow=True)
    assert "erneut gescheitert" in response.content.decode()
    given_up.refresh_from_db()
    # Back in the automatic retries, with this attempt counted.
    assert given_up.sent_at is None and given_up.attempts == 1
