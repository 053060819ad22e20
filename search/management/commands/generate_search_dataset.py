"""Generate a search benchmark data set: N pages spread over the four languages.

    manage.py generate_search_dataset --pages 10000

The pages are of the site search's type ``--type`` (default "page", the other pages: a page model
with a summary and a body), below a container page ("search-benchmark") under each language's home
page (the default site's root page and its translations, e.g. after ``load_demo_content``): real
pages of the site, with an address, found by the site search and counted by the API. Their text is
the text of the fixed query set's pages (search/tests/corpus.py) in that language, one of them per
generated page, plus sentences from a small word bank: every query of the query set has results.
Half the pages carry that text in their summary, half in their body (rich text), where the results'
excerpts must find it.

Created with the tree paths add_child would give them (without its queries per page) while
Wagtail's index signals are off, then indexed in batches through the search backend (much faster
than one index write per page); finally ANALYZE, so that the planner knows the new rows. Running it again replaces
the previous data set.
"""

import json
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils.html import escape
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.platform import registry
from search.tests.corpus import PAGES

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
CONTAINER_SLUG = "search-benchmark"
BATCH = 500


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def corpus_texts(language):
    """The query set's pages in ``language``, each as one text (title and summary)."""
    return [f"{texts[language][0]}. {texts[language][1]}" for _factory, texts in PAGES.values()]


def locale_homes():
    """{language: home page}: the default site's root page in each benchmark language."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("There is no default site; run `manage.py load_demo_content` first.")
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
    }
    missing = [code for code in LANGUAGES if code not in homes]
    if missing:
        raise CommandError(
            f"The home page has no version in {', '.join(missing)}; run `manage.py load_demo_content` first."
        )
    return homes


class Command(BaseCommand):
    help = "Generate pages in four languages for the search benchmark (scripts/search_benchmark.py)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="Total number of pages (default 10000).")
        parser.add_argument("--seed", type=int, default=5)
        parser.add_argument(
            "--type",
            dest="type_key",
            default="page",
            help="The site search type whose page model the pages are (default page: it needs summary and body).",
        )

    def handle(self, pages, seed, type_key, **options):
        search_type = registry.search_types().get(type_key)
        if search_type is None or not search_type.page_models:
            raise CommandError(f"The site search has no page type {type_key!r}.")
        page_model = search_type.page_models[0]
        rng = random.Random(seed)
        started = time.monotonic()
        homes = locale_homes()
        created, containers = [], {}
        # Indexed in batches below; generated pages refer to nothing, so the reference index has nothing to add.
        post_save.disconnect(post_save_signal_handler, sender=page_model)
        try:
            with transaction.atomic(), disable_reference_index_auto_update():
                # Earlier versions of this command put the data set outside the site (depth 2).
                for old in Page.objects.filter(slug__in=[f"{CONTAINER_SLUG}-{code}" for code in LANGUAGES], depth=2):
                    old.delete()
                for code in LANGUAGES:
                    for old in homes[code].get_children().filter(slug=CONTAINER_SLUG):
                        old.delete()
                    homes[code].refresh_from_db()  # numchild changed
                    containers[code] = homes[code].add_child(
                        instance=page_model(
                            title=f"Search benchmark {code}", slug=CONTAINER_SLUG, locale=homes[code].locale
                        )
                    )
                texts = {code: corpus_texts(code) for code in LANGUAGES}
                for n in range(pages):
                    code = LANGUAGES[n % len(LANGUAGES)]
                    words = WORDS[code]
                    # The language's m-th page: each corpus text in turn, every other round in the body.
                    m = n // len(LANGUAGES)
                    text = texts[code][m % len(texts[code])]
                    in_body = (m // len(texts[code])) % 2 == 1
                    filler = " ".join(sentence(rng, words, 12) for _ in range(2))
                    body = [{"type": "rich_text", "value": f"<p>{escape(filler)}</p><p>{escape(text)}</p>"}]
                    container = containers[code]
                    page = page_model(
                        title=sentence(rng, words, 4),
                        slug=f"p{n}",
                        locale=container.locale,
                        summary=filler if in_body else f"{text} {filler}",
                        body=json.dumps(body if in_body else []),
                        # What add_child would set, without its query for the last child per page.
                        depth=container.depth + 1,
                        path=page_model._get_path(container.path, container.depth + 1, m + 1),
                        numchild=0,
                    )
                    page._cached_parent_obj = container  # get_parent() for the url_path, no query
                    page.save(clean=False)  # generated values need no validation
                    created.append(page)
                    if len(created) % 2000 == 0:
                        self.stdout.write(f"{len(created)} pages …")
                for container in containers.values():
                    children = sum(1 for page in created if page.locale_id == container.locale_id)
                    Page.objects.filter(pk=container.pk).update(numchild=children)
        finally:
            post_save.connect(post_save_signal_handler, sender=page_model)
        made = time.monotonic() - started
        backend = get_search_backend()
        index = backend.get_index_for_model(page_model)
        for start in range(0, len(created), BATCH):
            index.add_items(page_model, created[start : start + BATCH])
        for container in containers.values():
            index.add_item(container)
        # Fresh statistics for the planner, as a database in use has them: without, PostgreSQL
        # expects one row per locale and joins 5,000 pages to the index one by one (3–4 × slower).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"Created {len(created)} pages in {made:.0f} s, indexed in {time.monotonic() - started - made:.0f} s."
        )
