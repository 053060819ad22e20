"""Translations whose source changed after the translation was last synced.

wagtail-localize freezes the source content in a ``TranslationSource`` when a translation starts
and again on "Sync translated pages" (``last_updated_at``). A translation is out of date when its
source was changed after that:

- pages: the source page was *published* after the last sync (drafts do not count: visitors do not
  see them and translators should not chase them);
- snippets (no publishing): the source snippet was edited (audit log entry ``wagtail.edit``) after the
  last sync.

A synced page stays out of date until visitors see the sync: while the live translated page was not
published since, or while text the sync brought is untranslated (``translation_is_behind``).

Everything happens in one SQL query, however many translations there are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from wagtail.models import Locale, ModelLogEntry, Page, get_translatable_models
from wagtail_localize.models import Translation, TranslationSource

from cms.localize_fixes.locale_permissions import editable_locale_ids
from cms.localize_fixes.synchronized_fields import translation_is_behind


def _translatable_snippet_models():
    return [model for model in get_translatable_models() if not issubclass(model, Page)]


def _page_changed():
    published_at = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    ).values("last_published_at")[:1]
    return Subquery(published_at)


def _snippets_changed_q():
    q = Q(pk__in=[])
    for model in _translatable_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        last_synced = TranslationSource.objects.filter(
            object_id=OuterRef(OuterRef("translation_key")), locale_id=OuterRef(OuterRef("locale_id"))
        ).values("last_updated_at")[:1]
        edited_since_sync = ModelLogEntry.objects.filter(
            content_type_id=content_type.pk,
            object_id=Cast(OuterRef("pk"), CharField()),
            action="wagtail.edit",
            timestamp__gt=Subquery(last_synced),
        )
        changed_keys = model._default_manager.filter(Exists(edited_since_sync)).values("translation_key")
        q |= Q(source__object__content_type_id=content_type.pk, source__object_id__in=changed_keys)
    return q


def outdated_translations(user=None):
    """Enabled translations whose source changed since the last sync, for ``user``'s locales if given.

    Users restricted to some locales (translators) see their target locales; users who may edit only
    the source language, or every language, see all.
    """
    translations = (
        Translation.objects.filter(enabled=True)
        .annotate(source_published_at=_page_changed())
        .filter(
            Q(source_published_at__gt=F("source__last_updated_at")) | translation_is_behind() | _snippets_changed_q()
        )
        .select_related("source", "source__locale", "source__specific_content_type", "target_locale")
        .order_by("-source__last_updated_at", "target_locale__language_code")
    )
    if user is not None:
        ids = editable_locale_ids(user)
        # German editors (source language only) see everything: they want to know what their change caused.
        if ids is not None and ids - {Locale.get_default().pk}:
            translations = translations.filter(target_locale_id__in=ids)
    return translations
