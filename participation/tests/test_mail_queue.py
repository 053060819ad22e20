"""The mail queue: no SMTP in the visitor's request, each e-mail delivered exactly once by real workers."""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.tests.processes import finish, json_value, shared_database, start
from participation import mail as outbox
from participation.models import OutgoingMail
from tests.services import closed_port, hung_server, smtp_sink

from .conftest import register

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue, as in production, and SMTP is the real backend."""
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 1


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


def test_thirty_mails_two_workers_and_a_retry_run_each_mail_arrives_exactly_once(transactional_db, settings, tmp_path):
    """Every delivery task is enqueued twice; two db_worker processes and an overlapping send_pending_mail
    compete for the same 30 mails against a real SMTP server that takes a while per message."""
    settings.TASKS = DATABASE_QUEUE
    mails = [OutgoingMail.objects.create(to=f"p{n}@example.org", subject=f"mail-{n:02d}", body="…") for n in range(30)]
    for mail in mails:
        outbox.deliver_mail.enqueue(mail.pk)
        outbox.deliver_mail.enqueue(mail.pk)
    with smtp_sink(delay=0.05) as sink, shared_database(tmp_path) as (database_url, query):
        smtp = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": sink.port,
        }
        worker = ("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")
        processes = [start(database_url, *worker, **smtp), start(database_url, *worker, **smtp)]
        processes.append(start(database_url, "send_pending_mail", **smtp))
        outputs = finish(processes)

        assert Counter(sink.subjects) == {f"mail-{n:02d}": 1 for n in range(30)}
        rows = query("SELECT attempts, sent_at IS NOT NULL, claimed_until FROM participation_outgoingmail")
        # Claimed once each: no sender even tried a mail another one had.
        assert sorted(rows) == [(1, True, None)] * 30
        results = Counter(
            json_value(value) for (value,) in query(f"SELECT return_value FROM {DBTaskResult._meta.db_table}")
        )
        sent_by_retry_run = int(outputs[2][0].split("Sent ")[1].split()[0])
        assert results["sent"] + sent_by_retry_run == 30
        assert results["sent"] + results["skipped"] == 60


def test_the_registration_answers_at_once_when_the_mail_server_refuses(tx_site, client, queued, settings):
    from programmes.factories import EventPageFactory

    settings.EMAIL_PORT = closed_port()
    event = EventPageFactory(capacity=5)
    started = time.monotonic()
    response = register(client, event)
    assert time.monotonic() - started < 1
    assert response.status_code == 302
    mail = OutgoingMail.objects.get()
    assert mail.attempts == 0  # only enqueued
    assert DBTaskResult.objects.ready().filter(task_path=outbox.deliver_mail.module_path).count() == 1

    run_worker()
    mail.refresh_from_db()
    assert mail.sent_at is None and mail.attempts == 1 and "Connection" in mail.last_error
    assert mail.next_attempt_at > timezone.now() and mail.claimed_until is None

    # Not retried before its backoff has passed; then the scheduler's sweep hands it to the worker.
    OutgoingMail.objects.filter(pk=mail.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert outbox.enqueue_due() == 0
    OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    with smtp_sink() as sink:
        settings.EMAIL_PORT = sink.port
        assert outbox.enqueue_due() == 1
        run_worker()
    mail.refresh_from_db()
    assert mail.sent_at is not None and mail.attempts == 2
    assert sink.subjects == [mail.subject]


def test_the_registration_answers_at_once_when_the_mail_server_hangs(tx_site, client, queued, settings):
    from programmes.factories import EventPageFactory

    event = EventPageFactory(capacity=5)
    with hung_server() as port:
        settings.EMAIL_PORT = port
        started = time.monotonic()
        response = register(client, event)
        assert time.monotonic() - started < 1
        assert response.status_code == 302
        assert client.get(response.url).status_code == 200

        started = time.monotonic()
        run_worker()  # the worker waits EMAIL_TIMEOUT, not the visitor
        assert time.monotonic() - started >= settings.EMAIL_TIMEOUT
    mail = OutgoingMail.objects.get()
    assert mail.sent_at is None and mail.attempts == 1 and "timed out" in mail.last_error
    assert outbox.pending().get() == mail


def test_a_claim_held_by_another_worker_is_respected_until_its_lease_expires(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail = OutgoingMail.objects.create(to="a@example.org", subject="Hallo", body="…")
    assert outbox.claim(mail)  # a worker took it and is still talking to the mail server
    assert outbox.claim(mail) is False
    assert outbox.send(OutgoingMail.objects.get()) is None and outbox.send_pending() == (0, 0)
    # That worker died: once the lease has passed, the mail is sent (and the lost attempt counted).
    OutgoingMail.objects.filter(pk=mail.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert outbox.send_pending() == (1, 0)
    mail.refresh_from_db()
    assert mail.sent_at is not None and mail.attempts == 2
    assert outbox.send(mail) is None  # sent: nobody sends it again


def test_failed_mails_back_off(db, settings):
    settings.EMAIL_BACKEND = "participation.tests.test_mail_failure.BrokenBackend"
    mail = OutgoingMail.objects.create(to="a@example.org", subject="Hallo", body="…")
    waits = []
    for _attempt in range(8):
        OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=None)
        before = timezone.now()
        assert outbox.send(OutgoingMail.objects.get()) is False
        waits.append(round((OutgoingMail.objects.get().next_attempt_at - before).total_seconds() / 60))
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60]


def test_a_mail_purged_before_its_task_ran_is_not_sent(db, mailbox):
    mail = OutgoingMail.objects.create(to="a@example.org", subject="Hallo", body="…")
    pk = mail.pk
    mail.delete()
    assert outbox.deliver_mail.call(pk) == "gone" and mailbox == []
