"""Translate the German demo content through wagtail-localize, from the PO files of every DemoContent.

Two steps, both idempotent:

1. Locale synchronisation: fr, ar-dz and en are set to "synchronise from de"
   (``LocaleSynchronization``) and the trees are synchronised, so every German page has an alias
   in each of those locales. A page that is not translated stays an alias: German content under
   /fr/….
2. Translation: for every demo snippet and page (snippets that pages refer to first, then pages
   parents first, then the remaining snippets) and every locale whose PO file exists, the German
   item is the ``TranslationSource``; a ``Translation`` to the locale gets the strings of the demo
   POs (every app's ``<po_dir>/<language>.po``, merged; matched by msgid = the German segment)
   through ``Translation.import_po``, and
   ``save_target`` writes the translated page or snippet. Translations stay linked to their source
   and can be synced from the admin later. Synchronised fields (dates, topics, countries, eligible
   types, links to pages) are copied from the German source by wagtail-localize.

An item with a segment that the PO file lacks is not translated (it stays an alias, or keeps its
previous translation) and is reported with the missing text; ``strict`` turns that into an error.
An item is only saved again when its German source or its imported strings changed, so a second
run creates no revisions.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import to_locale
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import PageIndex, synchronize_tree

from cms.demo.localize_publish import save_page_translation
from cms.demo.localize_slugs import translated_slug
from cms.models import ImageAltText

TARGET_LANGUAGES = ("fr", "ar-dz", "en")


class MissingSegmentsError(Exception):
    pass


def po_path(language_code, po_dir):
    """<po_dir>/fr.po, ar_DZ.po, en.po: gettext's file names for the language codes."""
    return Path(po_dir) / f"{to_locale(language_code)}.po"


def read_catalogue(path):
    """German segment -> translation, from a demo PO file (fuzzy and empty entries do not count)."""
    catalogue = {}
    for entry in polib.pofile(str(path)):
        if entry.obsolete or entry.fuzzy or not entry.msgstr.strip():
            continue
        catalogue.setdefault(entry.msgid, entry.msgstr)
    return catalogue


def is_identifier(item, path):
    """A snippet's slug field (ApplicantType.code, used in filter URLs) is an identifier, not text:
    wagtail-localize extracts it as a string, but it keeps its German value in every language so that
    filter links work across languages."""
    if isinstance(item, Page) or "." in path:
        return False
    try:
        return isinstance(item._meta.get_field(path), models.SlugField)
    except FieldDoesNotExist:
        return False


def synchronise_locales(source_locale, target_locales):
    """Every target locale syncs from the source locale; every source page gets an alias there."""
    created = 0
    for locale in target_locales:
        sync = LocaleSynchronization.objects.filter(locale=locale).first()
        if sync is None:
            # Saving it synchronises the tree at once (wagtail-localize's immediate job backend).
            LocaleSynchronization.objects.create(locale=locale, sync_from=source_locale)
            created += 1
        elif sync.sync_from_id != source_locale.pk:
            sync.sync_from = source_locale
            sync.save()
    # New German pages made by the loader get no aliases on their own (the hook that makes them
    # runs for pages created in the admin), so synchronise explicitly.
    index = PageIndex.from_database().sort_by_tree_position()
    for locale in target_locales:
        synchronize_tree(source_locale, locale, page_index=index)
    return created


def serialise(instance):
    """The content_json that wagtail-localize would store for the instance now."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    missing: dict = field(default_factory=lambda: defaultdict(list))  # (language, item) -> [texts]
    skipped_languages: list = field(default_factory=list)
    notes: list = field(default_factory=list)


class Translator:
    def __init__(self, source_locale, *, po_dirs, languages=TARGET_LANGUAGES, strict=False):
        """A language is translated from the merged PO files of ``po_dirs`` that it has; without any, it is
        skipped (its pages stay aliases). ``strict``: every directory must have every language's file."""
        self.source_locale = source_locale
        self.strict = strict
        self.report = Report()
        self.catalogues = {}
        missing_files = []
        for code in languages:
            paths = [po_path(code, po_dir) for po_dir in po_dirs]
            found = [path for path in paths if path.exists()]
            missing_files += [path for path in paths if not path.exists()]
            if not found:
                self.report.skipped_languages.append(code)
                continue
            locale, _created = Locale.objects.get_or_create(language_code=code)
            catalogue = {}
            for path in found:
                for msgid, msgstr in read_catalogue(path).items():
                    catalogue.setdefault(msgid, msgstr)
            self.catalogues[locale] = catalogue
        if strict and missing_files:
            raise MissingSegmentsError("No demo PO file for " + ", ".join(str(path) for path in missing_files))

    def translate_all(self, items):
        """Translate the items (German instances, in dependency order) into every locale with a PO file."""
        sources = [self.source_for(item) for item in items]
        for locale, catalogue in self.catalogues.items():
            for item, source in zip(items, sources, strict=True):
                self.translate(item, source, locale, catalogue)
        if self.strict and self.report.missing:
            raise MissingSegmentsError(missing_summary(self.report))
        return self.report

    def translate_image_alt_texts(self, images):
        """Each image's alternative text per language, from the PO files (msgid = the German text, the
        image's description). Images are not translatable objects: the texts are ``ImageAltText`` rows."""
        for locale, catalogue in self.catalogues.items():
            for image in images:
                wanted = catalogue.get(image.description)
                if not wanted:
                    self.report.missing[locale.language_code, f"image “{image.title}”"] = [image.description]
                    continue
                alt, created = ImageAltText.objects.get_or_create(image=image, locale=locale, defaults={"text": wanted})
                action = "created" if created else "unchanged" if alt.text == wanted else "updated"
                if action == "updated":
                    alt.text = wanted
                    alt.save()
                self.report.counts[locale.language_code, "image alt text", action] += 1

    def source_for(self, item):
        source, created = TranslationSource.get_or_create_from_instance(item)
        if not created and json.loads(source.content_json) != serialise(
            item.specific if isinstance(item, Page) else item
        ):
            source.update_from_db()  # the German item changed since it was last extracted
            source.changed = True
        else:
            source.changed = created
        return source

    def translate(self, item, source, locale, catalogue):
        kind = "page" if isinstance(item, Page) else item._meta.model_name
        translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        missing = []
        changed = False
        for entry in po:
            if entry.obsolete:
                continue
            wanted = catalogue.get(entry.msgid)
            if kind == "page" and entry.msgctxt == "slug":
                wanted = translated_slug(item, wanted, locale.language_code)
            elif is_identifier(item, entry.msgctxt):
                wanted = entry.msgid
            if not wanted:
                missing.append(entry.msgid)
            elif entry.msgstr != wanted:
                entry.msgstr = wanted
                changed = True
        label = f"{item._meta.verbose_name} “{item}”"
        if missing:
            self.report.missing[locale.language_code, label] = missing
            self.report.counts[locale.language_code, kind, "missing strings"] += 1
            return

        target = self.target(item, locale)
        if not (created or changed or source.changed or target is None):
            self.report.counts[locale.language_code, kind, "unchanged"] += 1
            return
        if changed:
            for warning in translation.import_po(po, tool_name="load_demo_content"):
                self.report.notes.append(f"{locale.language_code} {label}: {warning}")
        if kind == "page":
            save_page_translation(translation)
        else:
            translation.save_target(publish=True)
        self.report.counts[locale.language_code, kind, "created" if target is None else "updated"] += 1

    def target(self, item, locale):
        """The current translation of the item in the locale; None for none or an alias page."""
        if isinstance(item, Page):
            return Page.objects.filter(
                translation_key=item.translation_key, locale=locale, alias_of__isnull=True
            ).first()
        return type(item).objects.filter(translation_key=item.translation_key, locale=locale).first()


def missing_summary(report):
    """The items left untranslated, with the German texts their PO file lacks."""
    lines = [f"Demo translations: {len(report.missing)} item(s) left untranslated, texts missing from the PO files:"]
    for (language, label), texts in sorted(report.missing.items()):
        lines.append(f"  [{language}] {label}:")
        lines.extend(f"      {text[:160]!r}" for text in texts)
    return "\n".join(lines)
