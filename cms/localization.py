"""Choosing which language version of a page or snippet a visitor sees.

Listings show every item: the version in the visitor's language where one is live, otherwise the
version in the default (source) language, which templates then mark as untranslated.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms import site_chrome
from cms.languages import active_locale, default_language
from cms.request_cache import memo


def public_pages(queryset):
    """``queryset.public()``, from the list of restricted pages cached until content changes."""
    return queryset.exclude(memo("private_q", _private_q))


def _private_q():
    # As Wagtail's PageQuerySet.private_q: each restricted page and its descendants.
    q = Q()
    for path, depth in site_chrome.restricted_pages().values():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def prefer_active_locale(queryset, locale=None):
    """Keep, for each translation key, the active-locale item, else the default-locale one.

    ``queryset`` must already contain only what may be shown (live, public pages).
    One query with a subquery, however many items there are.
    """
    locale = locale or active_locale()
    default = memo("default_locale", Locale.get_default)
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated_keys = queryset.filter(locale=locale).values("translation_key")
    return queryset.filter(Q(locale=locale) | Q(locale=default) & ~Q(translation_key__in=translated_keys))


def localize_all(objects, locale=None, queryset=None):
    """Map translatable objects to their version in ``locale`` with one query.

    Objects with no version in that locale are returned unchanged. Pages are replaced only by
    live, public translations.
    """
    objects = list(objects)
    if not objects:
        return objects
    locale = locale or active_locale()
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not keys:
        return objects
    if queryset is None:
        # Only published translations may replace what a visitor sees.
        queryset = (
            public_pages(model._default_manager.live()) if issubclass(model, Page) else model._default_manager.all()
        )
    translations = {item.translation_key: item for item in queryset.filter(locale=locale, translation_key__in=keys)}
    return [translations.get(obj.translation_key, obj) if obj.locale_id != locale.pk else obj for obj in objects]


def live_localized(page):
    """The page in the visitor's language if that version is live, else the page if live, else None."""
    if page is None:
        return None
    localized = page.localized
    return localized if localized.live else None


def source_version(page):
    """The version of ``page`` in the default (source) language, or the page itself if it has none.

    Dates, schedule, deadlines and capacity count from the source: a translation keeps its own
    copies of them until it is synchronised. Cached on the page; ``attach_source_versions`` fills
    the cache for a whole listing with one query.
    """
    cached = page.__dict__.get("_source_version")
    if cached is not None:
        return cached
    default = memo("default_locale", Locale.get_default)
    source = page if page.locale_id == default.pk else (page.get_translation_or_none(default) or page)
    page.__dict__["_source_version"] = source
    return source


def attach_source_versions(pages):
    """``source_version`` for every page of a listing, in at most one query per page type.

    Reads the pages' locales (select them with the pages) rather than looking up the default locale.
    """
    default = default_language()
    by_model = {}
    for page in pages:
        if page.locale.language_code == default:
            page.__dict__["_source_version"] = page
        else:
            by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        keys = {page.translation_key for page in group}
        sources = model.objects.filter(locale__language_code=default, translation_key__in=keys)
        by_key = {source.translation_key: source for source in sources}
        for page in group:
            page.__dict__["_source_version"] = by_key.get(page.translation_key, page)


def localize_pairs(pairs, queryset=None):
    """``[(object, locale_id)]`` → each object's version in that locale (one query for all), else the
    object itself. As ``localize_all``, for objects each wanted in a locale of its own.

    The query runs even when every object is already in its locale, so that an answer costs the same
    number of queries whichever languages its items are in.
    """
    pairs = list(pairs)
    if not pairs:
        return []
    wanted = {(obj.translation_key, locale_id) for obj, locale_id in pairs}
    model = type(pairs[0][0])
    if queryset is None:
        queryset = (
            public_pages(model._default_manager.live()) if issubclass(model, Page) else model._default_manager.all()
        )
    found = queryset.filter(
        translation_key__in={key for key, _locale_id in wanted}, locale_id__in={locale_id for _key, locale_id in wanted}
    )
    translations = {(item.translation_key, item.locale_id): item for item in found}
    return [
        obj if obj.locale_id == locale_id else translations.get((obj.translation_key, locale_id), obj)
        for obj, locale_id in pairs
    ]


class UntranslatedStatusMixin:
    """Page status "not translated" for an alias of the source page in another language.

    Each language tree synchronises from the source language, so every untranslated page exists there
    as a live alias; with Wagtail's own status ("live") translators could not tell it from a translated
    page in the page explorer. Aliases within one language (Wagtail's "create alias") keep their status.
    """

    @property
    def status_string(self):
        if self.alias_of_id and self.locale.language_code != default_language():
            return _("not translated")
        return super().status_string
