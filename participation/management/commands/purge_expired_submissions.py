from django.conf import settings
from django.core.management.base import BaseCommand

from participation.gdpr import purge


class Command(BaseCommand):
    help = "Delete registrations, expressions of interest and e-mails past PARTICIPATION_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        removed = purge(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"Retention: {settings.PARTICIPATION_RETENTION_DAYS} days.")
        for kind, items in removed.items():
            self.stdout.write(f"{verb} {len(items)} {kind.replace('_', ' ')}")
            if options["verbosity"] > 1:
                for pk, description in items:
                    self.stdout.write(f"  #{pk} {description}")
