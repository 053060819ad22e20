"""Load the demo site from every app's ``DemoContent`` (cms/platform.py), in their order: idempotent, and
``--reset`` rebuilds from scratch. The loader names no app: each app's content module gives its pages,
snippets, images, site settings and PO files, and the markers and fields only it knows how to load.

Items are found again by stable keys: pages by their slug under their parent, snippets by a
translation key derived from their demo key (falling back to a natural key such as an applicant
type's code). Existing items are updated; a page gets a new published revision only when its
content differs, so a second run changes nothing.

Pages are loaded in two passes because they link to each other (the call links to the event and
the event to the call): the first pass finds or creates every page as an unpublished draft, the
second fills in all fields and publishes.
"""

import datetime
import io
import re
import uuid
import zoneinfo
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.utils.file import hash_filelike
from wagtail_localize.models import LocaleSynchronization, TranslatableObject, TranslationSource

from cms.demo import LANGUAGE, FromNow, ImageRef, PageRef, SnippetRef
from cms.demo.indexing import deferred_index_updates
from cms.demo.translate import MissingSegmentsError, Translator, missing_summary, synchronise_locales
from cms.platform import registry
from cms.public_url import PublicUrlError, site_fields
from cms.renditions import make_renditions

# Demo keys become translation keys through this namespace, so they are the same in every database.
DEMO_NAMESPACE = uuid.UUID("6f1d3c52-8a43-5c7e-9a0b-4b7d2e1f0c11")
EXTRA_LOCALES = ("fr", "ar-dz", "en")
PAGE_TOKEN = re.compile(r"\[\[page:([\w-]+)\]\]")


class Demo:
    """Every registered DemoContent, merged in their order: what the loader and ``--reset`` work through."""

    def __init__(self, contents):
        self.pages = [page for content in contents for page in content.pages]
        groups = [group for content in contents for group in content.snippets]  # DemoSnippets
        self.snippets_before_pages = [group for group in groups if group.before_pages]
        self.snippets_after_pages = [group for group in groups if not group.before_pages]
        self.images = [
            (content.images.directory, spec) for content in contents if content.images for spec in content.images.items
        ]
        self.po_dirs = list(dict.fromkeys(content.po_dir for content in contents if content.po_dir))
        self.resolvers = {marker: resolve for content in contents for marker, resolve in content.resolvers.items()}
        self.fields = {name: demo_field for content in contents for name, demo_field in content.fields.items()}
        self.reset_guards = [content.reset_guard for content in contents if content.reset_guard]
        sites = [content.site for content in contents if content.site]
        if len(sites) != 1:
            raise CommandError(f"The demo needs exactly one DemoContent with a site (DemoSite), not {len(sites)}.")
        self.site = sites[0]

    @classmethod
    def registered(cls):
        return cls(registry.demo_contents())

    @property
    def snippets(self):
        """In loading order: snippets that pages refer to, then snippets that refer to pages."""
        return self.snippets_before_pages + self.snippets_after_pages

    def root_model(self):
        """The model of the site's root page (the home pages of every language are its instances)."""
        return apps.get_model(next(page["type"] for page in self.pages if page["key"] == self.site.root))


def demo_key(kind, key):
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


def contains_page_ref(value):
    if isinstance(value, PageRef):
        return True
    if isinstance(value, str):
        return bool(PAGE_TOKEN.search(value))
    if isinstance(value, dict):
        return any(contains_page_ref(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(contains_page_ref(item) for item in value)
    return False


def strip_block_ids(value):
    """Stream data without the generated block ids, for comparing content."""
    if isinstance(value, dict):
        return {key: strip_block_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [strip_block_ids(item) for item in value]
    return value


class Loader:
    def __init__(self, stdout, demo):
        self.stdout = stdout
        self.demo = demo
        self.locale, _created = Locale.objects.get_or_create(language_code=LANGUAGE)
        self.now = timezone.now()
        self.pages = {}
        self.snippets = {}
        self.images = {}
        self.created_pages = set()
        self.counts = Counter()

    # --- resolving references --------------------------------------------------------------
    def resolve(self, value, zone=None):
        if isinstance(value, PageRef):
            return self.pages[value.key]
        if isinstance(value, SnippetRef):
            return self.snippets[value.kind, value.key]
        if isinstance(value, ImageRef):
            return self.images[value.key]
        for marker, resolve in self.demo.resolvers.items():
            if isinstance(value, marker):
                return resolve(value)
        if isinstance(value, FromNow):
            tz = zoneinfo.ZoneInfo(zone or "Europe/Berlin")
            day = timezone.localdate(self.now, tz) + datetime.timedelta(days=value.days)
            hour, minute = (int(part) for part in value.time.split(":"))
            return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)
        if isinstance(value, str):
            return PAGE_TOKEN.sub(lambda match: str(self.pages[match.group(1)].pk), value)
        if isinstance(value, list):
            return [self.resolve(item, zone) for item in value]
        return value

    def to_raw(self, block, value, seed):
        """The JSON form of a block value, with references resolved and stable block ids."""
        if isinstance(block, blocks.StreamBlock):
            return [
                {
                    "type": name,
                    "value": self.to_raw(block.child_blocks[name], item, f"{seed}/{index}"),
                    "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{seed}/{index}")),
                }
                for index, (name, item) in enumerate(value)
            ]
        if isinstance(block, blocks.ListBlock):
            return [
                {
                    "type": "item",
                    "value": self.to_raw(block.child_block, item, f"{seed}/{index}"),
                    "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{seed}/{index}")),
                }
                for index, item in enumerate(value)
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.to_raw(child, value[name], f"{seed}/{name}")
                if name in value
                else child.get_prep_value(child.get_default())
                for name, child in block.child_blocks.items()
            }
        if isinstance(value, PageRef | SnippetRef | ImageRef):
            return self.resolve(value).pk
        return self.resolve(value)

    # --- assigning and comparing fields ------------------------------------------------------
    def assign(self, obj, fields, seed, skip_page_refs=False):
        zone = fields.get("time_zone")
        for name, value in fields.items():
            if skip_page_refs and contains_page_ref(value):
                continue
            if name in self.demo.fields:
                self.demo.fields[name].assign(obj, value, self.resolve)
                continue
            field = obj._meta.get_field(name)
            if isinstance(field, StreamField):
                setattr(obj, name, self.to_raw(field.stream_block, value, f"{seed}/{name}"))
            else:
                setattr(obj, name, self.resolve(value, zone))

    def fingerprint(self, obj, names):
        result = {}
        for name in names:
            if name in self.demo.fields:
                result[name] = self.demo.fields[name].fingerprint(obj)
                continue
            field = obj._meta.get_field(name)
            value = getattr(obj, name)
            if isinstance(field, StreamField):
                result[name] = strip_block_ids(list(field.stream_block.get_prep_value(value)))
            elif isinstance(field, ParentalManyToManyField | models.ManyToManyField):
                result[name] = sorted(item.pk for item in value.all())
            elif isinstance(field, models.ForeignKey):
                result[name] = getattr(obj, field.attname) if value is None else value.pk
            else:
                result[name] = value
        return result

    # --- places, locales, site ----------------------------------------------------------------
    def load_locales(self):
        for code in EXTRA_LOCALES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            self.counts["locale", "created" if created else "unchanged"] += 1

    def configure_site(self):
        home = self.pages[self.demo.site.root]
        address = site_fields()  # PUBLIC_URL: `make run` sets it from HOST and PORT
        site = Site.objects.filter(**address).first() or Site.objects.filter(is_default_site=True).first()
        created = site is None
        site = site or Site()
        wanted = {
            **address,
            "is_default_site": True,
            "site_name": self.demo.site.name,
            "root_page_id": home.pk,
        }
        changed = created or any(getattr(site, name) != value for name, value in wanted.items())
        if changed:
            Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
        self.counts["site", "created" if created else "updated" if changed else "unchanged"] += 1
        return site

    def load_site_settings(self, site):
        model, fields = self.demo.site.settings_model, self.demo.site.settings
        if model is None:
            return
        created = not model.objects.filter(site=site).exists()
        settings = model.for_site(site)  # creates the row if missing
        before = self.fingerprint(settings, fields)
        self.assign(settings, fields, "site-settings")
        changed = before != self.fingerprint(settings, fields)
        if changed:
            settings.save()
        self.counts["site settings", "created" if created else "updated" if changed else "unchanged"] += 1

    # --- images -------------------------------------------------------------------------------
    def load_images(self):
        """The demo's illustrations (drawn by scripts/draw_demo_images.py), found again by title; the file
        is replaced only when it differs. The worker's renditions are made here, not in a request."""
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        for directory, spec in self.demo.images:
            data = (directory / spec["file"]).read_bytes()
            image = find_demo_image(spec)
            created = image is None
            if created:
                image = get_image_model()(title=spec["title"], collection=collection)
            new_file = created or image.file_hash != hash_filelike(io.BytesIO(data))
            if new_file:
                image.file = ImageFile(io.BytesIO(data), name=spec["file"])
                image._set_image_file_metadata()
            if new_file or image.description != spec["description"]:
                image.description = spec["description"]
                image.save()
                self.counts["image", "created" if created else "updated"] += 1
            else:
                self.counts["image", "unchanged"] += 1
            make_renditions.call(image.pk)
            self.images[spec["key"]] = image

    # --- snippets -----------------------------------------------------------------------------
    def load_snippets(self, snippets):
        kind = snippets.kind
        for spec in snippets.items:
            fields = {name: value for name, value in spec.items() if name != "key"}
            if snippets.key_field:
                fields[snippets.key_field] = spec["key"]
            obj = self.find_snippet(snippets, spec)
            created = obj is None
            if created:
                obj = snippets.model(locale=self.locale, translation_key=demo_key(kind, spec["key"]))
                before = None
            else:
                before = self.fingerprint(obj, fields)
            self.assign(obj, fields, f"{kind}:{spec['key']}")
            if created or before != self.fingerprint(obj, fields):
                obj.full_clean()
                obj.save()
                self.counts[kind, "created" if created else "updated"] += 1
            else:
                self.counts[kind, "unchanged"] += 1
            self.snippets[kind, spec["key"]] = obj

    def find_snippet(self, snippets, spec):
        in_locale = snippets.model.objects.filter(locale=self.locale)
        obj = in_locale.filter(translation_key=demo_key(snippets.kind, spec["key"])).first()
        if obj is None:
            obj = in_locale.filter(**natural_key_lookup(snippets, spec)).first()
        return obj

    # --- pages ----------------------------------------------------------------------------------
    def find_or_create_pages(self):
        """Pass 1: every page exists, new ones as unpublished drafts without page references."""
        for spec in self.demo.pages:
            model = apps.get_model(spec["type"])
            parent = self.pages[spec["parent"]] if spec["parent"] else self.tree_root()
            existing = parent.get_children().filter(slug=spec["slug"], locale=self.locale).first()
            if existing is not None and spec["parent"] is None and existing.specific_class is Page:
                existing = self.remove_welcome_page(existing)
            if existing is not None:
                page = existing.specific
                if not isinstance(page, model):
                    raise CommandError(
                        f"A page with slug “{spec['slug']}” under “{parent.title}” exists but is a "
                        f"{type(page).__name__}, not a {model.__name__}. Remove it or run with --reset."
                    )
            else:
                page = model(
                    title=spec["title"],
                    slug=spec["slug"],
                    locale=self.locale,
                    translation_key=demo_key("page", spec["key"]),
                    live=False,
                    has_unpublished_changes=True,
                )
                self.assign(page, spec["fields"], spec["key"], skip_page_refs=True)
                parent.add_child(instance=page)
                self.created_pages.add(spec["key"])
            self.pages[spec["key"]] = page

    def tree_root(self):
        # Wagtail's migrations create the root, but a flushed test database has none.
        return Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=self.locale, live=True)
        )

    def remove_welcome_page(self, page):
        """Wagtail's "Welcome to your new Wagtail site!" page holds the slug "home"; it makes way."""
        if page.get_children_count():
            raise CommandError(f"The page “{page.title}” at /{page.slug}/ has children; move or delete them first.")
        root = Page.get_first_root_node()
        Site.objects.filter(root_page=page).update(root_page=root)  # deleting the page would delete the site
        page.delete()
        self.counts["welcome page", "deleted"] += 1
        return None

    def publish_pages(self):
        """Pass 2: all fields, and a published revision where anything changed."""
        for spec in self.demo.pages:
            page = self.pages[spec["key"]]
            fields = dict(spec["fields"], title=spec["title"], show_in_menus=spec.get("show_in_menus", False))
            fields.setdefault("search_description", fields.get("summary", ""))
            created = spec["key"] in self.created_pages
            before = self.fingerprint(page, fields) if page.live else None
            self.assign(page, fields, spec["key"])
            if created or before != self.fingerprint(page, fields) or page.has_unpublished_changes:
                page.save_revision(log_action=True).publish()
                self.counts["page", "created" if created else "updated"] += 1
            else:
                self.counts["page", "unchanged"] += 1

    # --- the whole run --------------------------------------------------------------------------
    def load(self):
        self.load_locales()
        self.load_images()
        for snippets in self.demo.snippets_before_pages:
            self.load_snippets(snippets)
        self.find_or_create_pages()
        site = self.configure_site()
        for snippets in self.demo.snippets_after_pages:
            self.load_snippets(snippets)
        self.publish_pages()
        self.load_site_settings(site)
        return site

    # --- translations (wagtail-localize) ----------------------------------------------------------
    def translate(self, po_dirs, strict=False):
        """Aliases of every German page in fr, ar-dz and en, then translations from the demo PO files."""
        targets = [Locale.objects.get(language_code=code) for code in EXTRA_LOCALES]
        created = synchronise_locales(self.locale, targets)
        self.counts["locale synchronisation", "created" if created else "unchanged"] += len(targets)
        translator = Translator(self.locale, po_dirs=po_dirs, languages=EXTRA_LOCALES, strict=strict)
        translator.translate_image_alt_texts(list(self.images.values()))
        translator.translate_all(self.translatable_items())
        return translator.report

    def translatable_items(self):
        """German items, fresh from the database, in the order translations must be made: snippets that
        pages refer to, pages with parents before children, then snippets that refer to pages."""
        items = []
        for snippets in self.demo.snippets_before_pages:
            items += self.loaded_snippets(snippets)
        pages = Page.objects.filter(pk__in=[page.pk for page in self.pages.values()]).specific()
        items += sorted(pages, key=lambda page: page.path)
        for snippets in self.demo.snippets_after_pages:
            items += self.loaded_snippets(snippets)
        return items

    def loaded_snippets(self, snippets):
        keys = [obj.pk for (kind, _key), obj in self.snippets.items() if kind == snippets.kind]
        return list(snippets.model.objects.filter(pk__in=keys).order_by("pk"))


def find_demo_image(spec):
    return get_image_model().objects.filter(title=spec["title"]).order_by("pk").first()


def natural_key_lookup(snippets, spec):
    return {field: spec[key] for field, key in snippets.natural_key.items()}


def reset_content(demo=None):
    """Delete what the loader makes: the home page trees (all languages), its snippets, site settings,
    the locale synchronisations and wagtail-localize's translation records of all of them. A DemoContent's
    reset_guard may refuse (e.g. while visitors' submissions belong to the pages)."""
    demo = demo or Demo.registered()
    root = Page.get_first_root_node()
    homes = list(demo.root_model().objects.filter(depth=2))
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    for guard in demo.reset_guards:
        refusal = guard(pages)
        if refusal:
            raise CommandError(refusal)
    sites = list(Site.objects.filter(root_page__in=homes))
    if demo.site.settings_model is not None:
        demo.site.settings_model.objects.filter(site__in=sites).delete()
    Site.objects.filter(pk__in=[site.pk for site in sites]).update(root_page=root)
    deleted = Counter()
    translation_keys = set()
    LocaleSynchronization.objects.filter(locale__language_code__in=EXTRA_LOCALES).delete()
    # Aliases and translations first, so that deleting a source never finds its aliases gone.
    for home in sorted(homes, key=lambda page: page.locale.language_code == LANGUAGE):
        home = Page.objects.filter(pk=home.pk).first()  # may have gone with the page it aliased
        if home is None:
            continue
        tree = Page.objects.descendant_of(home, inclusive=True)
        translation_keys |= set(tree.values_list("translation_key", flat=True))
        deleted["pages"] += tree.count()
        home.delete()
    for snippets in reversed(demo.snippets):  # those that refer to others before those they refer to
        model = snippets.model
        for spec in snippets.items:
            matches = model.objects.filter(translation_key=demo_key(snippets.kind, spec["key"]))
            keys = set(matches.values_list("translation_key", flat=True))
            natural = model.objects.filter(locale__language_code=LANGUAGE, **natural_key_lookup(snippets, spec))
            keys |= set(natural.values_list("translation_key", flat=True))
            translation_keys |= keys
            _total, per_model = model.objects.filter(translation_key__in=keys).delete()
            deleted[snippets.kind] += per_model.get(model._meta.label, 0)
    for _directory, spec in demo.images:  # after the pages that show them; alt texts and renditions go with them
        image = find_demo_image(spec)
        if image is not None:
            image.delete()
            deleted["images"] += 1
    # Sources, translations, contexts and string translations go with their TranslatableObject.
    _total, per_model = TranslatableObject.objects.filter(translation_key__in=translation_keys).delete()
    deleted["leftover translation sources"] += per_model.get(TranslationSource._meta.label, 0)
    return deleted


class Command(BaseCommand):
    help = (
        "Load the demo content (German): places, snippets, the page tree and site settings. Safe to run again: "
        "existing items are found and updated. --reset deletes what it made first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the home page trees (all languages), the demo snippets, the site settings, the locale "
            "synchronisations and translation records, then rebuild.",
        )
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search and reference indexes."
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Fail if a demo PO file is missing or lacks a string, instead of leaving the item untranslated.",
        )
        parser.add_argument(
            "--po-dir",
            help="Directory with the demo translations fr.po, ar_DZ.po, en.po of all the demo content (default: "
            "each app's own, the po_dir of its DemoContent).",
        )

    def handle(self, *args, reset=False, skip_index=False, strict=False, po_dir=None, verbosity=1, **options):
        try:
            site_fields()
        except PublicUrlError as error:
            raise CommandError(str(error)) from error
        call_command("sync_places", stdout=self.stdout, verbosity=verbosity)
        try:
            # Each saved object is indexed once at the end; without --skip-index the indexes are rebuilt below.
            with transaction.atomic(), deferred_index_updates(update_at_end=skip_index):
                demo = Demo.registered()
                if reset:
                    deleted = reset_content(demo)
                    if verbosity:
                        self.stdout.write(
                            "Reset: deleted " + ", ".join(f"{count} {kind}" for kind, count in deleted.items())
                        )
                loader = Loader(self.stdout, demo)
                loader.load()
                translations = loader.translate([Path(po_dir)] if po_dir else demo.po_dirs, strict=strict)
        except MissingSegmentsError as error:
            raise CommandError(str(error)) from error
        if "setup_roles" in get_commands():  # translator groups, if that command is installed
            call_command("setup_roles", verbosity=verbosity)
        if not skip_index:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        if translations.missing:  # a warning at any verbosity: the demo is incomplete
            self.stderr.write(self.style.WARNING(missing_summary(translations)))
        if verbosity:
            self.report(loader, translations)

    def report(self, loader, translations):
        by_kind = {}
        for (kind, action), count in sorted(loader.counts.items()):
            by_kind.setdefault(kind, []).append(f"{count} {action}")
        for kind, parts in by_kind.items():
            self.stdout.write(f"{kind}: {', '.join(parts)}")
        self.stdout.write("Pages:")
        for spec in self.demo.pages:
            page = loader.pages[spec["key"]]
            self.stdout.write(f"  {page.get_url() or '?'}  {page.title}")
        for (language, kind, action), count in sorted(translations.counts.items()):
            by_kind.setdefault(f"translation {language}", []).append(f"{count} {kind} {action}")
        for language in translations.skipped_languages:
            self.stdout.write(self.style.WARNING(f"translation {language}: no demo PO file, pages stay aliases"))
        for key in sorted(key for key in by_kind if key.startswith("translation ")):
            self.stdout.write(f"{key}: {', '.join(by_kind[key])}")
        for note in translations.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
