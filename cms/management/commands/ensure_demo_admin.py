import os
import secrets

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from cms.public_url import absolute


class Command(BaseCommand):
    help = "Create or reset the demo administrator and print how to log in (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DEMO_ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        # A fresh password every run, unless one is given, so no known default ever exists.
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        reset_login_failures(username=username)  # a lockout from earlier tries ends with the new password
        if settings.OTP_REQUIRED:
            second_factor = "required: after the password, set up an authenticator app (docs/security.md)"
        else:
            second_factor = "off in development (OTP_REQUIRED=0); production always requires it"
        self.stdout.write(
            "\nAdmin login for the demo site:\n"
            f"  {absolute(reverse('wagtailadmin_home'))}\n"
            f"  user:     {username}\n"
            f"  password: {password}\n"
            f"  second factor: {second_factor}\n"
        )
