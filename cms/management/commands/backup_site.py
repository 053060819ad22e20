from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and every media file into a new directory under OUTPUT (docs/deployment.md)."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Directory in which the backup directory kz-backup-<time> is created.")

    def handle(self, *args, output, **options):
        try:
            path = backup(output, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
