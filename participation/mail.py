"""The outbox: e-mails are stored with their submission; after commit a task sends each one exactly once.

No SMTP in a visitor's request: ``queue_mail`` writes the row and, once the transaction commits,
enqueues ``deliver_mail`` (django-tasks; ``manage.py db_worker`` runs it). Before speaking SMTP a
sender *claims* the row with one conditional UPDATE (not sent, not claimed or its claim expired), so
two workers, a task enqueued twice and an overlapping ``send_pending_mail`` never send the same mail
twice. The claim is a lease (``PARTICIPATION_MAIL_LEASE``): a worker that died mid-send blocks the
mail only until it expires. A failed mail is retried with backoff by the scheduler's sweep
(``enqueue_due``) until ``PARTICIPATION_MAIL_MAX_ATTEMPTS``; then only a resend from the admin sends it.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# Backoff after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour.
RETRY_FIRST = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=1)


def render_mail(template, language, context):
    """(subject, body) from participation/email/<template>_subject.txt and _body.txt, in ``language``."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"participation/email/{template}_subject.txt", context).split())
        body = render_to_string(f"participation/email/{template}_body.txt", context)
    return subject[:255], body


def queue_mail(to, subject, body, attachments=()):
    """Store the e-mail (inside the caller's transaction) and enqueue its delivery once that commits."""
    mail = OutgoingMail.objects.create(
        to=to,
        subject=subject,
        body=body,
        attachments=[
            {"filename": name, "mimetype": mimetype, "content": base64.b64encode(content).decode("ascii")}
            for name, content, mimetype in attachments
        ],
    )
    transaction.on_commit(lambda: enqueue_delivery(mail.pk))
    return mail


def enqueue_delivery(pk):
    try:
        deliver_mail.enqueue(pk)
    except Exception:
        # The row is the record of what must be sent: the scheduler's sweep enqueues it again.
        logger.exception("Could not enqueue e-mail %s; the retry sweep will send it", pk)


@task()
def deliver_mail(pk):
    """The task: send one stored e-mail unless it is sent or being sent already."""
    mail = OutgoingMail.objects.filter(pk=pk).first()
    if mail is None:  # purged
        return "gone"
    result = send(mail)
    if result:
        # The mail server works again: also deliver a few that failed earlier, without waiting for backoff.
        send_pending(limit=5, older_than=timedelta(minutes=1))
    return {True: "sent", False: "failed", None: "skipped"}[result]


def backoff(attempts):
    return min(RETRY_FIRST * 2 ** max(attempts - 1, 0), RETRY_MAX)


def claim(mail, *, again=False):
    """Take ``mail`` for sending, atomically: True if this caller may send it now, else False (sent
    already, given up, or another sender holds an unexpired claim). Counts the attempt at once, so a
    sender that dies mid-send still uses one up. ``again``: a resend from the admin, which starts a
    fresh series of attempts even after every automatic one failed."""
    now = timezone.now()
    rows = OutgoingMail.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now), pk=mail.pk, sent_at__isnull=True
    )
    if not again:
        rows = rows.filter(attempts__lt=settings.PARTICIPATION_MAIL_MAX_ATTEMPTS)
    try:
        # One UPDATE … WHERE: PostgreSQL re-checks the condition on the locked row, SQLite writes serially.
        claimed = rows.update(
            claimed_until=now + timedelta(seconds=settings.PARTICIPATION_MAIL_LEASE),
            attempts=1 if again else F("attempts") + 1,
        )
    except OperationalError as error:  # SQLite: "database is locked" while another process writes
        logger.warning("Could not claim e-mail %s now: %s", mail.pk, error)
        return False
    if claimed:
        mail.refresh_from_db(fields=["attempts", "claimed_until", "sent_at"])
    return bool(claimed)


def send(mail, *, again=False):
    """Claim and send one stored e-mail. True: sent; False: failed (kept for a retry); None: not claimed
    (sent already, given up, or another worker is sending it). Never raises."""
    if not claim(mail, again=again):
        return None
    message = EmailMessage(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to])
    for attachment in mail.attachments:
        message.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
    try:
        message.send()
    except Exception as error:  # any backend error: SMTP, DNS, timeouts …
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        mail.next_attempt_at = timezone.now() + backoff(mail.attempts)
        mail.claimed_until = None
        _record(mail, "last_error", "next_attempt_at", "claimed_until")
        if mail.gave_up:
            # Nothing retries it any more: someone must look (the admin outbox shows it, with "resend").
            logger.error(
                "E-mail %s to a participant failed %s times and is not retried any more: %s",
                mail.pk,
                mail.attempts,
                mail.last_error,
            )
        else:
            logger.warning(
                "E-mail %s to a participant failed (attempt %s): %s", mail.pk, mail.attempts, mail.last_error
            )
        return False
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.claimed_until = None
    _record(mail, "sent_at", "last_error", "claimed_until")
    return True


def _record(mail, *fields):
    # An UPDATE, not save(): a row purged meanwhile (personal_data delete) is simply gone, no error.
    OutgoingMail.objects.filter(pk=mail.pk).update(**{field: getattr(mail, field) for field in fields})


def pending(older_than=None, due=False):
    """Unsent e-mails that automatic attempts still send; ``due``: those whose backoff has passed."""
    queryset = OutgoingMail.objects.filter(sent_at__isnull=True, attempts__lt=settings.PARTICIPATION_MAIL_MAX_ATTEMPTS)
    if older_than is not None:
        queryset = queryset.filter(created_at__lte=timezone.now() - older_than)
    if due:
        now = timezone.now()
        queryset = queryset.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)).filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        )
    return queryset.order_by("created_at", "pk")


def send_pending(limit=None, older_than=None):
    """Send unsent e-mails now, in this process (``send_pending_mail``). Returns (sent, failed); those
    another sender holds are skipped."""
    sent = failed = 0
    mails = pending(older_than)
    for mail in mails[:limit] if limit else mails:
        result = send(mail)
        if result:
            sent += 1
        elif result is False:
            failed += 1
    return sent, failed


def enqueue_due(limit=500):
    """The scheduler's retry sweep: a delivery task for each e-mail whose backoff has passed, and for one
    still unsent minutes after it was written (its task was lost). A duplicate task is harmless: the
    claim lets one send. Returns the count."""
    pks = list(pending(older_than=timedelta(minutes=2), due=True).values_list("pk", flat=True)[:limit])
    for pk in pks:
        deliver_mail.enqueue(pk)
    return len(pks)


def failed():
    """E-mails that are not retried any more (every automatic attempt failed)."""
    return OutgoingMail.objects.filter(
        sent_at__isnull=True, attempts__gte=settings.PARTICIPATION_MAIL_MAX_ATTEMPTS
    ).order_by("created_at", "pk")


def resend(mails):
    """Send these unsent e-mails now, whatever their attempts so far (the team fixed the mail server).
    A mail that fails again gets the full number of automatic retries. Returns (sent, failed).
    Runs in the admin's request on purpose: the team asked for it and wants to see the outcome."""
    sent = failed_again = 0
    for mail in mails:
        result = send(mail, again=True)
        if result:
            sent += 1
        elif result is False:
            failed_again += 1
    return sent, failed_again
