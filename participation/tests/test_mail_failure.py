"""Nothing lost: the submission is committed before any e-mail is sent, failures are retried."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

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
