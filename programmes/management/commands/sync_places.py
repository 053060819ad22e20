"""Create or update countries and their ISO 3166-2 subdivisions from pycountry.

Region.name keeps pycountry's ``name`` (the ISO name; translations are looked up at run time).
Validity dates are never set here: ISO data does not say since when a subdivision exists, and
editors may have entered dates they know. Regions that pycountry no longer lists are kept, since
partnerships and venues may refer to them.
"""

import pycountry
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from programmes.models import Country, Region

DEFAULT_COUNTRIES = ("DE", "DZ", "MA", "TN")


class Command(BaseCommand):
    help = "Create or update countries and their ISO 3166-2 subdivisions (regions) from pycountry. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "countries",
            nargs="*",
            metavar="CODE",
            help=f"ISO 3166-1 alpha-2 codes (default: {' '.join(DEFAULT_COUNTRIES)}).",
        )

    @transaction.atomic
    def handle(self, *args, countries=None, **options):
        codes = [code.upper() for code in countries or DEFAULT_COUNTRIES]
        unknown = [code for code in codes if not pycountry.countries.get(alpha_2=code)]
        if unknown:
            raise CommandError(f"Not an ISO 3166-1 alpha-2 code: {', '.join(unknown)}")

        counts = {"countries_created": 0, "regions_created": 0, "regions_updated": 0, "regions_unchanged": 0}
        for code in codes:
            country, created = Country.objects.get_or_create(code=code)
            counts["countries_created"] += created
            existing = {region.code: region for region in Region.objects.filter(code__startswith=f"{code}-")}
            for subdivision in sorted(pycountry.subdivisions.get(country_code=code) or [], key=lambda s: s.code):
                region = existing.get(subdivision.code)
                if region is None:
                    Region.objects.create(code=subdivision.code, country=country, name=subdivision.name)
                    counts["regions_created"] += 1
                elif region.name != subdivision.name or region.country_id != country.pk:
                    region.name = subdivision.name
                    region.country = country
                    region.save(update_fields=["name", "country"])
                    counts["regions_updated"] += 1
                else:
                    counts["regions_unchanged"] += 1

        if options["verbosity"]:
            self.stdout.write(
                "Places ({codes}): {countries_created} countries created; regions {regions_created} created, "
                "{regions_updated} updated, {regions_unchanged} unchanged.".format(codes=", ".join(codes), **counts)
            )
