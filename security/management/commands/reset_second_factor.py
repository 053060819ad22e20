from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security.otp import remove_second_factor


class Command(BaseCommand):
    help = (
        "Remove a user's second factor (authenticator and recovery codes), e.g. after a lost phone. "
        "Where it is required, the user enrols again at the next admin login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        remove_second_factor(user)
        self.stdout.write(f"Second factor removed for {username}; they enrol again at the next admin login.")
