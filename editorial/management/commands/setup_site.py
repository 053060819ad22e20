from django.core.management.base import BaseCommand, CommandError

from editorial.site_setup import SiteSetupError, setup_site


class Command(BaseCommand):
    help = (
        "First install: the four locales, a German home page as the default site's root (replacing Wagtail's "
        "placeholder) at PUBLIC_URL, the section pages, French/Arabic/English synchronised from German, the "
        "reference data (countries, regions, applicant types), then the roles and the approval workflow "
        "(setup_roles). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname", default=None, help="Host name of the default site (default: the host of PUBLIC_URL)."
        )
        parser.add_argument(
            "--port", type=int, default=None, help="Port of the default site (default: the port of PUBLIC_URL)."
        )
        parser.add_argument("--site-name", default=None, help="Site and home page title (WAGTAIL_SITE_NAME).")

    def handle(self, *args, hostname, port, site_name, **options):
        try:
            report = setup_site(hostname=hostname, port=port, site_name=site_name)
        except SiteSetupError as error:
            raise CommandError(str(error)) from error
        for line in report:
            self.stdout.write(line)
