"""Generate a search benchmark data set: N pages spread over the four languages.

    manage.py generate_search_dataset --pages 10000

Pages are StandardPages with text from small per-language word banks, under one container page
per locale ("search-benchmark-<lang>"), created with treebeard's add_child while Wagtail's index
signals are off and then indexed in batches through the search backend (much faster than one
index write per page). Running it again replaces the previous data set.
"""

import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home.models import StandardPage

WORDS = {
    "de": "Abfallmanagement Wasserversorgung Kommune Partnerschaft Klimaanpassung Bürgerbeteiligung Energieeffizienz "
    "Stadtentwicklung Verwaltung Digitalisierung Müllabfuhr Kläranlage Solaranlage Fachkonferenz Aufruf Bewerbung "
    "Städtepartnerschaft Austausch Projekt Förderung Jugend Kultur Mobilität Radverkehr Grünfläche Haushalt".split(),
    "fr": "gestion déchets eau potable commune partenariat adaptation climat participation citoyenne énergie "
    "efficacité développement urbain administration numérique collecte assainissement solaire conférence appel "
    "candidature jumelage échange projet financement jeunesse culture mobilité".split(),
    "ar-dz": "إدارة النفايات المياه البلدية الشراكة التكيف المناخ المشاركة المواطنة الطاقة النجاعة التنمية "
    "الحضرية الإدارة الرقمية جمع التطهير الشمسية مؤتمر دعوة الترشح التوأمة التبادل مشروع التمويل الشباب "
    "الثقافة التنقل".split(),
    "en": "waste management water supply municipality partnership climate adaptation citizen participation energy "
    "efficiency urban development administration digital collection sanitation solar conference call application "
    "twinning exchange project funding youth culture mobility".split(),
}
LANGUAGES = list(WORDS)
BATCH = 500


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


class Command(BaseCommand):
    help = "Generate pages in four languages for the search benchmark (scripts/search_benchmark.py)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="Total number of pages (default 10000).")
        parser.add_argument("--seed", type=int, default=5)

    def handle(self, pages, seed, **options):
        rng = random.Random(seed)
        started = time.monotonic()
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        root = Page.get_first_root_node()
        created = []
        from modelsearch.signal_handlers import post_save_signal_handler

        post_save.disconnect(post_save_signal_handler, sender=StandardPage)
        try:
            with transaction.atomic():
                for code in LANGUAGES:
                    for old in Page.objects.filter(slug=f"search-benchmark-{code}", depth=2):
                        old.delete()
                containers = {}
                for code in LANGUAGES:
                    containers[code] = root.add_child(
                        instance=StandardPage(
                            title=f"Search benchmark {code}", slug=f"search-benchmark-{code}", locale=locales[code]
                        )
                    )
                for n in range(pages):
                    code = LANGUAGES[n % len(LANGUAGES)]
                    words = WORDS[code]
                    page = containers[code].add_child(
                        instance=StandardPage(
                            title=sentence(rng, words, 4),
                            slug=f"p{n}",
                            locale=locales[code],
                            summary=" ".join(sentence(rng, words, 12) for _ in range(3)),
                        )
                    )
                    created.append(page)
                    if len(created) % 2000 == 0:
                        self.stdout.write(f"{len(created)} pages …")
        finally:
            post_save.connect(post_save_signal_handler, sender=StandardPage)
        made = time.monotonic() - started
        backend = get_search_backend()
        index = backend.get_index_for_model(StandardPage)
        for start in range(0, len(created), BATCH):
            index.add_items(StandardPage, created[start : start + BATCH])
        for container in containers.values():
            index.add_item(container)
        self.stdout.write(
            f"Created {len(created)} pages in {made:.0f} s, indexed in {time.monotonic() - started - made:.0f} s."
        )
