import json

from django.core.management.base import BaseCommand, CommandError

from participation.gdpr import delete_person, person_data


class Command(BaseCommand):
    help = "Export (JSON) or delete everything stored about one person, found by e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "delete"])
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Delete without asking.")

    def handle(self, action, email, yes=False, **options):
        if action == "export":
            self.stdout.write(json.dumps(person_data(email), ensure_ascii=False, indent=2))
            return
        data = person_data(email)
        total = len(data["event_registrations"]) + len(data["expressions_of_interest"]) + len(data["emails_sent"])
        if not yes and input(f"Delete {total} record(s) about {data['email']}? [y/N] ").lower() != "y":
            raise CommandError("Nothing deleted.")
        counts = delete_person(email)
        self.stdout.write(", ".join(f"Deleted {number} {kind.replace('_', ' ')}" for kind, number in counts.items()))
