"""Reference data a first install needs before anyone can record a partnership or a call: countries and
their regions (``sync_places``) and the applicant types, in every content language.

The applicant types are the programme's vocabulary (the announcement names Städte, Landkreise,
Gemeinden and kommunale Unternehmen). They are created in German and translated through
wagtail-localize, as an editor would, so the translations can be edited in the admin like any other.
Only what is missing is created: an applicant type or translation that exists (whatever an editor
made of it) is left alone, so this runs again after every deployment.
"""

import uuid

from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from .models import ApplicantType, Country, Region

# Content, not interface text: the editors own it once it is in the database.
APPLICANT_TYPES = [
    {"code": "staedte", "de": "Städte", "fr": "Villes", "ar-dz": "المدن", "en": "Cities"},
    {
        "code": "landkreise",
        "de": "Landkreise",
        "fr": "Arrondissements (Landkreise)",
        "ar-dz": "الدوائر (Landkreise)",
        "en": "Districts (Landkreise)",
    },
    {"code": "gemeinden", "de": "Gemeinden", "fr": "Communes", "ar-dz": "البلديات", "en": "Municipalities"},
    {
        "code": "kommunale-unternehmen",
        "de": "kommunale Unternehmen",
        "fr": "Entreprises municipales",
        "ar-dz": "المؤسسات البلدية",
        "en": "Municipal companies",
    },
]
# Translation keys stay the same in every database made by setup_site.
NAMESPACE = uuid.UUID("0b6f4f7e-3c1a-5d4e-8f2b-9a7c6d5e4f30")


def ensure_places():
    before = Country.objects.count(), Region.objects.count()
    call_command("sync_places", verbosity=0)  # the default countries: DE, DZ, MA, TN
    countries, regions = Country.objects.count(), Region.objects.count()
    if (countries, regions) == before:
        return [f"Places: all present ({countries} countries, {regions} regions)"]
    return [f"Places: {countries - before[0]} countries and {regions - before[1]} regions created"]


def _translate(source_item, locale, name):
    """The item's translation into ``locale`` through wagtail-localize, with ``name`` as the name."""
    source, _created = TranslationSource.get_or_create_from_instance(source_item)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        # The code is an identifier used in filter URLs: the same in every language.
        entry.msgstr = name if entry.msgctxt == "name" else entry.msgid
    translation.import_po(po, tool_name="setup_site")
    translation.save_target(publish=True)


def ensure_applicant_types():
    german = Locale.get_default()
    others = list(Locale.objects.exclude(pk=german.pk).order_by("language_code"))
    created, translated = [], 0
    with transaction.atomic():
        for spec in APPLICANT_TYPES:
            item = ApplicantType.objects.filter(locale=german, code=spec["code"]).first()
            if item is None:
                item = ApplicantType.objects.create(
                    locale=german,
                    code=spec["code"],
                    name=spec["de"],
                    translation_key=uuid.uuid5(NAMESPACE, spec["code"]),
                )
                created.append(spec["de"])
            have = set(
                ApplicantType.objects.filter(translation_key=item.translation_key).values_list("locale_id", flat=True)
            )
            for locale in others:
                name = spec.get(locale.language_code)
                if locale.pk in have or not name:
                    continue
                # A translation made by hand under another key, with the same code, counts as present.
                if ApplicantType.objects.filter(locale=locale, code=spec["code"]).exists():
                    continue
                _translate(item, locale, name)
                translated += 1
    line = f"Applicant types: {', '.join(created)} created" if created else "Applicant types: all present"
    return [line + (f"; {translated} translation(s) created" if translated else "")]


def ensure_reference_data():
    """Countries, regions and applicant types. Returns report lines."""
    return ensure_places() + ensure_applicant_types()
