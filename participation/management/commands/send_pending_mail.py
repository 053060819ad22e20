from django.core.management.base import BaseCommand

from participation.mail import failed, pending, send_pending


class Command(BaseCommand):
    help = "Send the participation e-mails that could not be sent yet (run from cron, e.g. every 5 minutes)."

    def handle(self, *args, **options):
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
