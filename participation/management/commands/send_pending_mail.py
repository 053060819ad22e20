from django.core.management.base import BaseCommand

from participation.mail import enqueue_due, failed, pending, send_pending


class Command(BaseCommand):
    help = (
        "Send the participation e-mails that could not be sent yet, now, in this process (a worker that holds "
        "one is not disturbed). The scheduler retries them by itself; --enqueue only hands the due ones to it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue delivery tasks for the due e-mails instead of sending."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            self.stdout.write(f"Enqueued {enqueue_due()} e-mail(s).")
            return
        sent, failed_now = send_pending()
        given_up = failed().count()
        self.stdout.write(
            f"Sent {sent} e-mail(s), {failed_now} failed, {pending().count()} still pending, "
            f"{given_up} not retried any more."
        )
        if failed_now:
            self.stderr.write("Some e-mails failed again; see the log and the outbox in the admin.")
        if given_up:
            self.stderr.write(
                f"{given_up} e-mail(s) failed every attempt: fix the mail server, then resend them from the "
                "outbox in the admin (Participation › Outgoing e-mails)."
            )
