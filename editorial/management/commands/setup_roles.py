from django.core.management.base import BaseCommand

from editorial.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the editorial groups (Redaktion, Freigabe, Übersetzung FR/AR/EN, Programmteam, "
        "Administratoren), their permissions and the Freigabe approval workflow. Idempotent."
    )

    def handle(self, *args, **options):
        for line in setup_roles():
            self.stdout.write(line)
