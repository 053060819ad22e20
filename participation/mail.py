"""The outbox: e-mails are stored with their submission, sent after commit, retried on failure."""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)


def render_mail(template, language, context):
    """(subject, body) from participation/email/<template>_subject.txt and _body.txt, in ``language``."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"participation/email/{template}_subject.txt", context).split())
        body = render_to_string(f"participation/email/{template}_body.txt", context)
    return subject[:255], body


def queue_mail(to, subject, body, attachments=()):
    """Store the e-mail (inside the caller's transaction) and send it once that transaction commits."""
    mail = OutgoingMail.objects.create(
        to=to,
        subject=subject,
        body=body,
        attachments=[
            {"filename": name, "mimetype": mimetype, "content": base64.b64encode(content).decode("ascii")}
            for name, content, mimetype in attachments
        ],
    )
    transaction.on_commit(lambda: send_after_commit(mail.pk))
    return mail


def send_after_commit(pk):
    mail = OutgoingMail.objects.filter(pk=pk, sent_at__isnull=True).first()
    if mail is not None and send(mail):
        # The mail server works again: also deliver a few that failed earlier.
        send_pending(limit=5, older_than=timedelta(minutes=1))


def send(mail):
    """Try to send one stored e-mail. Never raises: a failure is logged and kept for a retry."""
    message = EmailMessage(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to])
    for attachment in mail.attachments:
        message.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
    mail.attempts += 1
    try:
        message.send()
    except Exception as error:  # any backend error: SMTP, DNS, timeouts …
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        mail.save(update_fields=["attempts", "last_error"])
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
    mail.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


def pending(older_than=None):
    queryset = OutgoingMail.objects.filter(sent_at__isnull=True, attempts__lt=settings.PARTICIPATION_MAIL_MAX_ATTEMPTS)
    if older_than is not None:
        queryset = queryset.filter(created_at__lte=timezone.now() - older_than)
    return queryset.order_by("created_at", "pk")


def send_pending(limit=None, older_than=None):
    """Retry unsent e-mails. Returns (sent, failed)."""
    sent = failed = 0
    mails = pending(older_than)
    for mail in mails[:limit] if limit else mails:
        if send(mail):
            sent += 1
        else:
            failed += 1
    return sent, failed


def failed():
    """E-mails that are not retried any more (every automatic attempt failed)."""
    return OutgoingMail.objects.filter(
        sent_at__isnull=True, attempts__gte=settings.PARTICIPATION_MAIL_MAX_ATTEMPTS
    ).order_by("created_at", "pk")


def resend(mails):
    """Send these unsent e-mails now, whatever their attempts so far (the team fixed the mail server).
    A mail that fails again gets the full number of automatic retries. Returns (sent, failed)."""
    sent = failed_again = 0
    for mail in mails:
        if mail.sent_at is not None:
            continue
        mail.attempts = 0
        if send(mail):
            sent += 1
        else:
            failed_again += 1
    return sent, failed_again
