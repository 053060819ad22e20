"""DEMO CONTENT: ``load_demo_content`` builds the whole seed of /work/shared/brief/content.md, translates
it into fr, ar-dz and en through wagtail-localize, can run twice without changing anything, and every demo
page renders under /de/, /fr/, /ar-dz/ and /en/."""

import datetime
import io
import re
import zoneinfo

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client
from wagtail.images.models import Image, Rendition
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation, TranslationSource

from cms.demo.localize_publish import save_page_translation
from cms.demo.localize_slugs import translated_slug
from cms.demo.translate import is_identifier, po_path, read_catalogue
from cms.languages import bcp47
from cms.management.commands.load_demo_content import Demo, demo_key
from cms.models import ImageAltText
from cms.platform import registry
from cms.renditions import SITE_RENDITIONS
from home.models import HomePage
from programmes.demo import content_de
from programmes.demo.content_de import IMAGE_DIR
from programmes.models import (
    ApplicantType,
    CallForParticipationPage,
    ContactPoint,
    EventPage,
    Organisation,
    Partnership,
    ProgrammePage,
    ProgrammePhasePage,
    TopicPage,
    Venue,
)
from scripts.bench.targets import bench_targets

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
COUNTED = [
    Page,
    Revision,
    ApplicantType,
    Organisation,
    ContactPoint,
    Venue,
    Partnership,
    Locale,
    TranslationSource,
    Translation,
    StringTranslation,
    LocaleSynchronization,
    Image,
    ImageAltText,
    Rendition,
]
TOPICS = {
    "Abfallmanagement",
    "Digitalisierung in der Verwaltung",
    "Energieeffizienz",
    "Grünflächengestaltung",
    "Gute lokale Regierungsführung",
    "Pandemie- und Krisenmanagement",
}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo with translations, loaded once for the module (rolled back at the end)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    return Locale.objects.get(language_code="de")


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_demo_content_is_idempotent(demo):
    first = counts()
    german = german_state()
    call_command("load_demo_content", verbosity=0)
    assert counts() == first
    assert german_state() == german


def test_demo_content_has_every_seed_item(demo):
    german = {"locale": demo, "live": True}

    programme = ProgrammePage.objects.get(title="Kommunale Zusammenarbeit Maghreb-Deutschland", **german)
    assert HomePage.objects.get(locale=demo).url == "/de/"
    assert programme.url == "/de/kommunale-zusammenarbeit-maghreb-deutschland/"
    assert {c.code for c in programme.countries.all()} >= {"DZ", "MA", "TN"}

    phases = ProgrammePhasePage.objects.child_of(programme).filter(live=True).order_by("start_date")
    assert phases.count() == 2
    assert "Algerien" in phases[1].title  # the second phase focuses on Algeria

    assert set(TopicPage.objects.filter(**german).values_list("title", flat=True)) >= TOPICS

    call = CallForParticipationPage.objects.get(
        title="Interessierte für kommunale Projektpartnerschaften in Algerien gesucht", **german
    )
    eligible = {name.casefold() for name in call.eligible_types.values_list("name", flat=True)}
    assert eligible >= {"städte", "landkreise", "gemeinden", "kommunale unternehmen"}

    event = EventPage.objects.get(start=datetime.datetime(2021, 3, 23, 10, 0, tzinfo=BERLIN), **german)
    assert event.end == datetime.datetime(2021, 3, 23, 12, 30, tzinfo=BERLIN)
    assert event.time_zone == "Europe/Berlin"
    assert event.event_format == "online"

    organisations = Organisation.objects.filter(locale=demo)
    assert {"BMZ", "GIZ", "SKEW"} <= set(organisations.values_list("short_name", flat=True))
    assert organisations.filter(name__icontains="Engagement Global").exists()

    contact = ContactPoint.objects.get(email="skew.maghreb@engagement-global.de", locale=demo)
    assert contact.phone == "+49 228 20 717-1343"


def test_every_live_demo_page_renders_under_de(client, demo):
    pages = Page.objects.live().public().filter(locale=demo, depth__gt=1).specific()
    assert pages.count() >= 20
    failures = {}
    for page in pages:
        url = page.url
        assert url.startswith("/de/"), url
        status = client.get(url).status_code
        if status != 200:
            failures[url] = status
    assert failures == {}


# --- Translations through wagtail-localize (issue 3) ---------------------------------------------
LANGUAGES = {"de": ("de", "ltr"), "fr": ("fr", "ltr"), "ar-dz": ("ar-DZ", "rtl"), "en": ("en", "ltr")}
HTML_TAG = re.compile(r'<html lang="([^"]*)" dir="([^"]*)"')
SNIPPET_MODELS = [ApplicantType, Organisation, ContactPoint, Venue, Partnership]


def german_state():
    """What translating must not touch: every German page's content and revisions."""
    pages = Page.objects.filter(locale__language_code="de", depth__gt=1).specific().order_by("path")
    return {
        page.pk: (page.title, page.slug, page.live, page.latest_revision_id, page.last_published_at, page.to_json())
        for page in pages
    }


def test_demo_po_files_exist():
    # Without them the translation tests below would test aliases only.
    po_dirs = Demo.registered().po_dirs
    assert len(po_dirs) >= 2  # home's and programmes'
    for po_dir in po_dirs:
        for name in ("fr.po", "ar_DZ.po", "en.po"):
            assert (po_dir / name).is_file(), f"{po_dir / name} is missing"


def test_every_demo_page_is_translated_and_linked(demo):
    german = Page.objects.filter(locale__language_code="de", depth__gt=1)
    assert german.count() >= 20
    for language in ("fr", "ar-dz", "en"):
        locale = Locale.objects.get(language_code=language)
        assert LocaleSynchronization.objects.get(locale=locale).sync_from.language_code == "de"
        for page in german:
            translation = Page.objects.get(translation_key=page.translation_key, locale=locale)
            assert translation.live, (language, page.title)
            assert translation.alias_of_id is None, f"{page.title} is only an alias in {language}"
            source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
            assert Translation.objects.filter(source=source, target_locale=locale).exists()


def test_every_demo_snippet_is_translated_and_linked(demo):
    for model in SNIPPET_MODELS:
        for item in model.objects.filter(locale__language_code="de"):
            source = TranslationSource.objects.get(object_id=item.translation_key, locale=item.locale)
            for language in ("fr", "ar-dz", "en"):
                assert model.objects.filter(translation_key=item.translation_key, locale__language_code=language)
                assert Translation.objects.filter(source=source, target_locale__language_code=language).exists()


def test_synchronised_fields_come_from_the_german_source(demo):
    german = CallForParticipationPage.objects.get(locale__language_code="de", slug="projektpartnerschaften-algerien")
    french = german.get_translation(Locale.objects.get(language_code="fr"))
    assert french.title != german.title
    assert set(french.countries.values_list("code", flat=True)) == set(german.countries.values_list("code", flat=True))
    assert set(french.eligible_types.values_list("translation_key", flat=True)) == set(
        german.eligible_types.values_list("translation_key", flat=True)
    )
    event = EventPage.objects.filter(locale__language_code="de").first()
    assert event.get_translation(Locale.objects.get(language_code="ar-dz")).start == event.start


def test_every_page_renders_in_every_language_with_lang_and_dir(demo, client):
    failures = {}
    for language, expected in LANGUAGES.items():
        pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
        assert pages.count() >= 20, language
        for page in pages.specific():
            url = page.url
            assert url.startswith(f"/{language}/"), url
            response = client.get(url)
            tag = HTML_TAG.search(response.content.decode())
            if response.status_code != 200 or not tag or tag.groups() != expected:
                failures[url] = (response.status_code, tag and tag.groups())
    assert failures == {}


def test_every_url_of_the_benchmark_answers_200(demo, settings):
    # make bench measures these URLs (scripts/bench/targets.py); they must not rot with the demo content.
    settings.WHITENOISE_USE_FINDERS = True  # the test settings collect no static files
    client = Client()
    targets = bench_targets()
    assert len({label for label, _ in targets}) == len(targets), "each row of the table needs a label of its own"
    failures = {label: (path, status) for label, path in targets if (status := client.get(path).status_code) != 200}
    assert not failures, failures


def test_locale_home_pages_have_unique_slugs(demo):
    homes = Page.objects.filter(depth=2)
    slugs = list(homes.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 4
    assert set(slugs) >= {"home", "home-fr", "home-ar-dz", "home-en"}


def test_translating_leaves_german_pages_unchanged(db, tmp_path):
    # Without PO files the pages stay aliases (German content under /fr/ …).
    call_command("load_demo_content", verbosity=0, skip_index=True, reset=True, po_dir=str(tmp_path))
    german = german_state()
    french = Page.objects.filter(locale__language_code="fr", depth__gt=1)
    assert french.count() == len(german)
    assert not french.filter(alias_of__isnull=True).exists()
    call_command("load_demo_content", verbosity=0, skip_index=True)
    assert german_state() == german
    assert not french.filter(alias_of__isnull=False).exists()


def demo_items(content, locale):
    """The German pages and snippets of one DemoContent."""
    pages = [
        Page.objects.get(locale=locale, translation_key=demo_key("page", spec["key"])).specific
        for spec in content.pages
    ]
    return pages + [
        snippets.model.objects.get(locale=locale, translation_key=demo_key(snippets.kind, spec["key"]))
        for snippets in content.snippets
        for spec in snippets.items
    ]


def test_each_app_brings_the_translations_of_its_own_demo_content(demo):
    # An app's PO files cover its pages, snippets and images, also where another app has the same text.
    for content in [content for content in registry.demo_contents() if content.po_dir]:
        items = demo_items(content, demo)
        for language in ("fr", "ar-dz", "en"):
            catalogue = read_catalogue(po_path(language, content.po_dir))
            needed = [spec["description"] for spec in content.images.items] if content.images else []
            for item in items:
                source = TranslationSource.objects.get(object_id=item.translation_key, locale=demo)
                po = Translation.objects.get(source=source, target_locale__language_code=language).export_po()
                needed += [entry.msgid for entry in po if not is_identifier(item, entry.msgctxt)]
            assert [text for text in needed if text not in catalogue] == [], (content.po_dir, language)


def write_po_without(tmp_path, language, text):
    """Every app's demo PO files merged in tmp_path (as --po-dir takes them), the one for ``language``
    without ``text``."""
    for code in ("fr", "ar-dz", "en"):
        merged = polib.POFile()
        for po_dir in Demo.registered().po_dirs:
            merged.extend(
                entry for entry in polib.pofile(str(po_path(code, po_dir))) if entry.msgid != text or code != language
            )
        merged.save(str(po_path(code, tmp_path)))


def test_missing_string_leaves_the_page_an_alias_and_is_reported(db, tmp_path):
    write_po_without(tmp_path, "fr", "Impressum")
    stderr = io.StringIO()
    call_command("load_demo_content", verbosity=0, skip_index=True, reset=True, po_dir=str(tmp_path), stderr=stderr)
    imprint = Page.objects.get(locale__language_code="fr", translation_key=demo_key("page", "imprint"))
    assert imprint.alias_of_id is not None  # not half-translated
    assert "'Impressum'" in stderr.getvalue() and "[fr]" in stderr.getvalue()
    programme = Page.objects.get(locale__language_code="fr", depth=3, translation_key=demo_key("page", "programme"))
    assert programme.alias_of_id is None  # the rest is translated
    with pytest.raises(CommandError, match="Impressum"):
        call_command("load_demo_content", verbosity=0, skip_index=True, po_dir=str(tmp_path), strict=True)


# --- wagtail-localize workarounds used by the loader ---------------------------------------------
def test_translation_is_published_inside_an_open_transaction(demo):
    """localize_publish: save_target(publish=True) would publish on commit, which never comes here."""
    german = Page.objects.get(locale__language_code="de", translation_key=demo_key("page", "imprint")).specific
    german.search_description = "Geänderte Beschreibung"
    german.save_revision().publish()
    source = TranslationSource.objects.get(object_id=german.translation_key, locale=german.locale)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale__language_code="fr")
    page = save_page_translation(translation)
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision_id == page.latest_revision_id
    assert page.search_description == "Geänderte Beschreibung"  # untranslated string falls back to German


@pytest.mark.parametrize(
    ("depth", "given", "expected"),
    [
        (3, "mentions-légales", "mentions-legales"),
        (3, "الرئيسية", "impressum"),  # wagtail-localize would slugify this to ""
        (3, "", "impressum"),
        (2, "home", "impressum-en"),  # locale homes are siblings at the root
    ],
)
def test_translated_slug(depth, given, expected):
    page = Page(slug="impressum", depth=depth)
    assert translated_slug(page, given, "en") == expected


# --- Images -------------------------------------------------------------------------------------------


def test_demo_images_are_small_and_have_alt_texts_in_every_language(demo):
    images = Image.objects.filter(title__in=[spec["title"] for spec in content_de.IMAGES])
    assert images.count() == len(content_de.IMAGES) >= 3
    for spec in content_de.IMAGES:
        assert (IMAGE_DIR / spec["file"]).stat().st_size <= 60 * 1024, spec["file"]
    for image in images:
        texts = dict(image.alt_texts.values_list("locale__language_code", "text"))
        assert image.description and set(texts) == {"fr", "ar-dz", "en"}, image.title
        assert all(text and text != image.description for text in texts.values()), image.title
        # Made by the loader (as by the worker): a visitor's request never makes one.
        assert set(image.renditions.values_list("filter_spec", flat=True)) == set(SITE_RENDITIONS), image.title


def test_demo_images_are_shown_where_they_make_sense(demo):
    german = Locale.objects.get(language_code="de")
    topics_with_images = TopicPage.objects.filter(locale=german, image__isnull=False)
    assert set(topics_with_images.values_list("title", flat=True)) == {
        "Abfallmanagement",
        "Energieeffizienz",
        "Grünflächengestaltung",
    }
    programme = ProgrammePage.objects.get(locale=german)
    call = CallForParticipationPage.objects.get(locale=german, slug="projektpartnerschaften-algerien")
    for page in (programme, call):
        assert [block.block_type for block in page.body].count("image") == 1, page.title


def image_alts(html):
    """(alt, lang) of the site's images (the placeholder while renditions are made counts as missing)."""
    soup = BeautifulSoup(html, "html.parser")
    return {(img.get("alt"), img.get("lang")) for img in soup.select("main img")}


@pytest.mark.parametrize("language", ["fr", "ar-dz", "en", "de"])
def test_pages_show_the_alt_text_of_their_language_marked_with_it(demo, client, language):
    locale = Locale.objects.get(language_code=language)
    by_title = {spec["title"]: spec for spec in content_de.IMAGES}
    expected = {}
    for image in Image.objects.filter(title__in=by_title):
        text = image.description if language == "de" else image.alt_texts.get(locale=locale).text
        expected[by_title[image.title]["key"]] = (text, bcp47(language))
    waste = TopicPage.objects.get(locale=locale, translation_key=demo_key("page", "topic-waste"))
    programme = ProgrammePage.objects.get(locale=locale)
    call = CallForParticipationPage.objects.get(locale=locale, translation_key=demo_key("page", "call"))
    assert expected["waste-sorting"] in image_alts(client.get(waste.url).content)
    assert expected["partnership"] in image_alts(client.get(programme.url).content)
    assert expected["town-hall"] in image_alts(client.get(call.url).content)
