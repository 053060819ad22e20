"""The scheduled jobs of docs/deployment.md for development: ``make run`` starts this loop beside the
server, so scheduled pages go live and pending e-mails are retried in the demo too. Production runs
the same commands from cron instead."""

import os
import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

# The frequent jobs (deployment.md: every minute / every 5 minutes); the daily ones are not needed here.
JOBS = ("publish_scheduled", "send_pending_mail")


class Command(BaseCommand):
    help = "Run publish_scheduled and send_pending_mail every --interval seconds (development; use cron in production)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run the jobs once and stop.")

    def run_jobs(self):
        available = get_commands()
        for name in JOBS:
            if name not in available:
                continue
            try:
                call_command(name, stdout=self.stdout, stderr=self.stderr, verbosity=0)
            except Exception as error:  # one failing run must not end the loop
                self.stderr.write(f"{name} failed: {error}")

    def handle(self, *args, interval, once, **options):
        # Started in the background by make: stop when that shell is gone, even if it was killed hard.
        parent = os.getppid()
        while True:
            self.run_jobs()
            if once:
                return
            time.sleep(max(interval, 1))
            if os.getppid() != parent:
                return
