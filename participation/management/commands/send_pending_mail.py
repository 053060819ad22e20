from django.core.management.base import BaseCommand

from participation.mail import pending, send_pending


class Command(BaseCommand):
    help = "Send the participation e-mails that could not be sent yet (run from cron, e.g. every 5 minutes)."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"Sent {sent} e-mail(s), {failed} failed, {pending().count()} still pending.")
        if failed:
            self.stderr.write("Some e-mails failed again; see the log and the outbox in the admin.")
