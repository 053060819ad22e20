"""What waits for each translator: new, outdated and in-progress pages and snippets of their languages.

- **new**: the German source exists (a page: is published), its language has no translation yet: a page
  that is still an alias (the locales synchronise from German), a snippet without a row in that language;
- **outdated**: the source changed after the translation was last synced (``editorial.outdated``, the
  same rule as the "Outdated translations" report);
- **in progress**: a page translation whose draft is not published yet.

An object appears once per language, in the first of these states that applies (outdated before in
progress). ``translation_queue`` runs a fixed number of queries (three for pages, one per translatable
snippet model, plus ``outdated_translations``), however much content there is; ``add_change_details``
adds "what changed" to the items actually shown, in a fixed number of queries as well.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, ModelLogEntry, Page, Revision
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation

from cms.localize_fixes.locale_permissions import editable_locale_ids

from .outdated import _translatable_snippet_models as translatable_snippet_models
from .outdated import outdated_translations
from .views import edit_url, target_objects

NEW, OUTDATED, IN_PROGRESS = "new", "outdated", "in_progress"
STATES = {NEW: _("New"), OUTDATED: _("Outdated"), IN_PROGRESS: _("In progress")}


@dataclass
class QueueItem:
    state: str
    title: str
    kind: str
    locale: Locale  # the builders below set the id; translation_queue swaps in the Locale
    url: str
    # The source's translation key (outdated and in-progress items): matches them up, finds what changed.
    source_ref: object = None
    source_changed_at: datetime | None = None
    changed_by: str = ""
    changed_fields: list = field(default_factory=list)
    translation: Translation | None = None
    # Set by the report for the rows it shows.
    sync_url: str = ""
    absolute_url: str = ""

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def changed_fields_text(self):
        return ", ".join(str(name) for name in self.changed_fields)


def queue_locales(user):
    """The target locales ``user`` works in: their own languages, or every translation language for
    administrators and German editors (who want to see what their changes caused)."""
    default = Locale.get_default()
    locales = Locale.objects.exclude(pk=default.pk).order_by("language_code")
    ids = editable_locale_ids(user)
    if ids is not None and ids - {default.pk}:
        locales = locales.filter(pk__in=ids)
    return list(locales)


def _kind(content_type_id):
    return capfirst(ContentType.objects.get_for_id(content_type_id).model_class()._meta.verbose_name)


def _snippet_url(name, obj):
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{name}", args=[quote(obj.pk)])


def _new_pages(default, locales):
    aliases = (
        # Published sources only: a German draft is not ready for translation (nor visible to the programme team).
        Page.objects.filter(locale__in=locales, alias_of__locale=default, alias_of__live=True)
        .annotate(source_published_at=F("alias_of__last_published_at"))
        .only("id", "title", "locale_id", "content_type_id", "alias_of_id")
        .order_by("path")
    )
    return [
        QueueItem(
            state=NEW,
            title=alias.title,
            kind=_kind(alias.content_type_id),
            locale=alias.locale_id,
            url=reverse("wagtail_localize:submit_page_translation", args=[alias.alias_of_id]),
            source_changed_at=alias.source_published_at,
        )
        for alias in aliases
    ]


def _pages_in_progress(locales):
    enabled = Translation.objects.filter(
        enabled=True, source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    drafts = (
        Page.objects.filter(locale__in=locales, alias_of__isnull=True, has_unpublished_changes=True)
        .filter(Exists(enabled))
        .only("id", "draft_title", "locale_id", "content_type_id", "latest_revision_created_at", "translation_key")
        .order_by("path")
    )
    return [
        QueueItem(
            state=IN_PROGRESS,
            title=page.draft_title,
            kind=_kind(page.content_type_id),
            locale=page.locale_id,
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            source_ref=page.translation_key,
            source_changed_at=page.latest_revision_created_at,
        )
        for page in drafts
    ]


def _new_snippets(model, default, locales):
    """German rows of ``model`` without a row in a target locale: one query for all rows of the model."""
    rows = list(model._default_manager.filter(locale__in=[default, *locales]).order_by("pk"))
    present = {(row.translation_key, row.locale_id) for row in rows}
    items = []
    for locale in locales:
        for row in rows:
            if row.locale_id == default.pk and (row.translation_key, locale.pk) not in present:
                items.append(
                    QueueItem(
                        state=NEW,
                        title=str(row),
                        kind=capfirst(model._meta.verbose_name),
                        locale=locale.pk,
                        url=reverse(
                            "wagtail_localize:submit_snippet_translation",
                            args=[model._meta.app_label, model._meta.model_name, quote(row.pk)],
                        ),
                    )
                )
    return items


def _outdated(user, locales):
    translations = list(outdated_translations(user).filter(target_locale__in=locales))
    targets = target_objects(translations)
    items = []
    for translation in translations:
        source = translation.source
        target = targets.get((source.object_id, translation.target_locale_id))
        items.append(
            QueueItem(
                state=OUTDATED,
                title=source.object_repr,
                kind=capfirst(source.specific_content_type.name),
                locale=translation.target_locale_id,
                url=edit_url(target) if target is not None else "",
                source_ref=source.object_id,
                source_changed_at=translation.source_published_at,
                translation=translation,
            )
        )
    return items


def translation_queue(user):
    """Every queue item for ``user``'s languages, ordered by language and state."""
    default = Locale.get_default()
    allowed = queue_locales(user)
    if not allowed:
        return []
    outdated = _outdated(user, allowed)
    outdated_keys = {(item.source_ref, item.locale) for item in outdated}
    items = outdated + _new_pages(default, allowed)
    items += [item for item in _pages_in_progress(allowed) if (item.source_ref, item.locale) not in outdated_keys]
    for model in translatable_snippet_models():
        items += _new_snippets(model, default, allowed)
    by_id = {locale.pk: locale for locale in allowed}
    for item in items:
        item.locale = by_id[item.locale]
    order = list(STATES)
    return sorted(items, key=lambda item: (item.locale.language_code, order.index(item.state)))


def queue_counts(items):
    """[(locale, {state: count})] in language order."""
    counts = defaultdict(lambda: dict.fromkeys(STATES, 0))
    for item in items:
        counts[item.locale][item.state] += 1
    return sorted(counts.items(), key=lambda pair: pair[0].language_code)


def _serialized(instance):
    """The instance as wagtail-localize serialises a translation source (``TranslationSource.content_json``)."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _changed_fields(model, before, after):
    """Verbose names of the translated or synchronised fields whose value differs."""
    names = []
    for translatable in get_translatable_fields(model):
        name = translatable.field_name
        if before.get(name) != after.get(name):
            try:
                names.append(capfirst(model._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                names.append(name)
    return names


def _author(user):
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def add_change_details(items):
    """ "What changed" for the outdated items: the fields changed since the last sync, and who published
    (pages: the live revision) or edited (snippets: the last edit in the log) the source, and when.

    One query for the pages' live revisions, one for the snippets' log entries and one per snippet model.
    """
    outdated = [item for item in items if item.state == OUTDATED]
    default = Locale.get_default()
    page_keys = set()
    snippets = defaultdict(set)
    for item in outdated:
        model = item.translation.source.specific_content_type.model_class()
        if issubclass(model, Page):
            page_keys.add(item.source_ref)
        else:
            snippets[model].add(item.source_ref)

    revisions = {}
    if page_keys:
        live = Page.objects.filter(translation_key__in=page_keys, locale=default).values("live_revision_id")
        for revision in Revision.objects.filter(pk__in=live).select_related("user"):
            revisions[revision.content.get("translation_key")] = revision

    current, log_keys = {}, {}
    for model, keys in snippets.items():
        content_type = ContentType.objects.get_for_model(model)
        for obj in model._default_manager.filter(translation_key__in=keys, locale=default):
            current[str(obj.translation_key)] = obj
            log_keys[(content_type.pk, str(obj.pk))] = str(obj.translation_key)
    last_edits = {}
    if log_keys:
        entries = (
            ModelLogEntry.objects.filter(
                action="wagtail.edit",
                content_type_id__in={content_type_id for content_type_id, _ in log_keys},
                object_id__in={object_id for _, object_id in log_keys},
            )
            .select_related("user")
            .order_by("timestamp")
        )
        for entry in entries:
            key = log_keys.get((entry.content_type_id, entry.object_id))
            if key is not None:
                last_edits[key] = entry  # ordered by time: the last one wins

    for item in outdated:
        source = item.translation.source
        model = source.specific_content_type.model_class()
        before = json.loads(source.content_json)
        key = str(item.source_ref)
        if key in revisions:
            revision = revisions[key]
            item.changed_fields = _changed_fields(model, before, revision.content)
            item.source_changed_at, item.changed_by = revision.created_at, _author(revision.user)
        elif key in current:
            item.changed_fields = _changed_fields(model, before, _serialized(current[key]))
            if key in last_edits:
                item.source_changed_at, item.changed_by = last_edits[key].timestamp, _author(last_edits[key].user)
    return items
