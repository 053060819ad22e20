from django.core.management.base import BaseCommand

from editorial.roles import setup_roles


class Command(BaseCommand):
    help = "Create the editorial groups (Redaktion, Übersetzung FR/AR/EN) and their permissions. Idempotent."

    def handle(self, *args, **options):
        for line in setup_roles():
            self.stdout.write(line)
