from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup directory (backup_site) into an EMPTY database and an EMPTY media storage."
    # The database is empty: the system checks (and anything reading tables) must not run first.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("backup", help="A kz-backup-<time> directory written by backup_site.")

    def handle(self, *args, backup, **options):
        try:
            manifest = restore(backup, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored the backup of {manifest['created']}; now run: manage.py migrate (newer code)")
