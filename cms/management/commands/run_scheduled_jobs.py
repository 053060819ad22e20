"""The scheduler (docs/deployment.md, "Background jobs"): every app host may run it; each job still runs
once per period (cms/jobs.py). ``make run`` starts it beside the server."""

import os
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms import jobs


class Command(BaseCommand):
    help = "Run the scheduled jobs (publishing, mail retries, retention …) when due; run it on every app host."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=15, help="Seconds between checks (default 15).")
        parser.add_argument("--once", action="store_true", help="Run the due jobs once and stop.")

    def run_jobs(self):
        now = timezone.now()
        for job in jobs.run_due(now):
            # One line per run, with the period it was for (the tests count these).
            self.stdout.write(f"ran {job.name} for {job.period_start(now).isoformat()}")

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
