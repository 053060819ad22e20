"""Let live translations follow their source's synchronised fields as soon as the source is published.

Upstream behaviour (wagtail-localize 1.14, ``models.py``, ``views/update_translations.py``): the
non-text fields of a translated page (``SynchronizedField``: times, dates, capacity, venue, links to
reference data, booleans, numbers) are copied into the translation only by
``Translation.save_target``, which runs when someone publishes from the translation editor or ticks
"Publish immediately" when syncing. ``TranslationSource.update_from_db`` ("Sync") only refreshes the
stored source. A French event therefore kept its old start time after the German one moved, while
the sync screen said "successfully updated" and the outdated-translations report counted it as done.

This module:

- on ``page_published`` of a page that is the source of translations, queues ``sync_live_translations``
  (after commit): it refreshes the ``TranslationSource`` and re-publishes every *live* translation with
  ``save_target`` (kept translated text; new, untranslated text falls back to the source as
  wagtail-localize does; the revision has no user, so the history says "system");
- gives the sync view ``publish_fully_translated``: after a sync, the live translations that have
  nothing left to translate are published too, so the sync never leaves them showing old values;
- ``translation_is_behind``: the condition ``editorial.outdated`` uses to keep listing a translation
  until what visitors see equals the source (its page was not re-published since the last sync, or a
  sync since the translation started brought text that is still untranslated).
"""

import logging

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django_tasks import task
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

logger = logging.getLogger(__name__)


def on_page_published(sender, instance, **kwargs):
    """Queue the sync of the page's translations when the published page is a translation source."""
    source_id = (
        TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id, translations__enabled=True
        )
        .values_list("pk", flat=True)
        .first()
    )
    if source_id:
        transaction.on_commit(lambda: sync_live_translations.enqueue(source_id))


def connect():
    page_published.connect(on_page_published, dispatch_uid="cms_localize_fixes_sync_live_translations")


def _is_live(instance):
    if isinstance(instance, Page):
        return instance.live and not instance.alias_of_id
    return not isinstance(instance, DraftStateMixin) or instance.live


def _republish(translation):
    """Save the translation's target again from the current source and strings, published, by the system."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if not _is_live(target):
        return False  # a draft translation is published by its translator
    try:
        translation.save_target(user=None, publish=True)
    except ValidationError as error:
        # The source allows what the translation cannot take: it stays outdated and listed.
        logger.warning("Translation %s could not be re-published: %s", translation.pk, error)
        return False
    return True


@task()
def sync_live_translations(source_id):
    """Refresh the source and re-publish its live translations (run by the worker after a publish)."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return
    with transaction.atomic():
        try:
            source.update_from_db()
        except ObjectDoesNotExist:
            return  # the source was deleted meanwhile
        for translation in source.translations.filter(enabled=True).select_related("target_locale", "source"):
            _republish(translation)


def untranslated_segments(source_ref="source_id", locale_ref="target_locale_id"):
    """Whether the translation (outer query) has a text of its source without a usable translation.

    The slug does not count: an untranslated slug keeps the German one, which visitors do not read."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef(locale_ref)),
        has_error=False,
    )
    segments = StringSegment.objects.filter(source_id=OuterRef(source_ref)).exclude(context__path="slug")
    return Exists(segments.exclude(Exists(translated)))


def publish_fully_translated(source):
    """After a sync: publish the live translations of ``source`` that have nothing left to translate."""
    translations = (
        source.translations.filter(enabled=True)
        .annotate(untranslated=untranslated_segments())
        .filter(untranslated=False)
        .select_related("target_locale", "source")
    )
    for translation in translations:
        _republish(translation)


def translation_is_behind():
    """For a ``Translation`` queryset: synced since it started, and visitors do not see the result yet.

    A sync after the translation started (``source.last_updated_at > created_at``) either was not
    published to the live translated page, or brought text that is still untranslated.
    """
    published_before_sync = Page.objects.filter(
        translation_key=OuterRef("source__object_id"),
        locale_id=OuterRef("target_locale_id"),
        live=True,
        alias_of__isnull=True,
        last_published_at__lt=OuterRef("source__last_updated_at"),
    )
    target_live = Page.objects.filter(
        translation_key=OuterRef("source__object_id"),
        locale_id=OuterRef("target_locale_id"),
        live=True,
        alias_of__isnull=True,
    )
    return Q(source__last_updated_at__gt=F("created_at")) & (
        Exists(published_before_sync) | (Exists(target_live) & untranslated_segments())
    )
