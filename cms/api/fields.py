"""Serializer fields of the public API: real HTML, absolute URLs, renditions, small objects.

Nothing here is read from the database one item at a time:
- related objects (topics, countries, organisations …) are prepared by the endpoint for the whole
  page of results (see ``prepare_pages``) and stored on each item as ``_api_related``;
- rich text and what StreamField blocks choose (pages, documents, images, snippets) become
  ``Deferred`` placeholders while serializing, and ``resolve_deferred`` fills them in for the whole
  answer with one query per kind.
"""

import functools
import re
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import escape
from rest_framework.fields import Field, SkipField
from wagtail import blocks
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, TranslatableMixin
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import FIND_A_TAG, EmbedRewriter, LinkRewriter, MultiRuleRewriter, extract_attrs
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.image_alt import alt_for, with_alt_text_columns
from cms.localization import public_pages
from cms.platform import registry
from cms.public_url import absolute, root_url
from cms.renditions import IMAGE_RENDITION, THUMBNAIL_RENDITION, existing
from cms.timezones import in_zone

_RELATIVE_URL = re.compile(r'(?P<attr>\s(?:href|src))="(?P<url>/[^/"][^"]*|/)"')


def make_absolute(html, request):
    """Relative href and src in HTML → absolute, under the site's public address."""
    base = root_url(request)
    return _RELATIVE_URL.sub(lambda m: f'{m["attr"]}="{base}{m["url"]}"', html)


# --- Small objects ------------------------------------------------------------------


def page_link(page, request):
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "slug": page.slug, "url": page.get_full_url(request)}


def image_object(image, request, spec=IMAGE_RENDITION, language=None):
    """The image with its renditions; None while the worker has not made them yet (cms/renditions.py):
    a visitor's request never makes one. ``alt`` is in ``language`` (default: the active one, the
    item's), else German, and ``alt_lang`` says which."""
    if image is None:
        return None
    found = existing(image, [spec, THUMBNAIL_RENDITION])
    if len(found) < 2:
        return None
    rendition, thumbnail = found[spec], found[THUMBNAIL_RENDITION]
    alt = alt_for(image, language)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt.text,
        "alt_lang": alt.language,
        "url": absolute(rendition.url, request),
        "width": rendition.width,
        "height": rendition.height,
        "thumbnail": {
            "url": absolute(thumbnail.url, request),
            "width": thumbnail.width,
            "height": thumbnail.height,
        },
    }


def document_object(document, request):
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute(document.url, request),
        "file_extension": document.file_extension,
    }


def object_for(value, request):
    """The small object for whatever a relation points at: a page link, or what its app registered
    for the model (ApiObject, cms/platform.py)."""
    if value is None:
        return None
    if isinstance(value, Page):
        return page_link(value, request)
    for api_object in registry.api_objects():
        if isinstance(value, api_object.model):
            return api_object.build(value)
    raise TypeError(f"No API representation for {type(value).__name__}")


# --- StreamField ---------------------------------------------------------------------


def stream_value(block, raw):
    """A block's database JSON as API JSON: rich text as HTML, images as renditions, chosen pages,
    documents and snippets as small objects (Deferred until ``resolve_deferred``)."""
    if isinstance(block, blocks.RichTextBlock):
        return Deferred("rich_text", raw or "")
    if isinstance(block, blocks.BaseStreamBlock):
        # Blocks of a type no longer defined are skipped, as StreamBlock.to_python does.
        return [
            {
                "type": item["type"],
                "id": item.get("id"),
                "value": stream_value(block.child_blocks[item["type"]], item.get("value")),
            }
            for item in raw or []
            if item.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.BaseStructBlock):
        raw = raw or {}
        return {
            name: stream_value(child, raw[name] if name in raw else child.get_prep_value(child.get_default()))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            stream_value(block.child_block, item["value"] if block._item_is_in_block_format(item) else item)
            for item in raw or []
        ]
    for chooser, kind in (
        (ImageChooserBlock, "image"),
        (DocumentChooserBlock, "document"),
        (blocks.PageChooserBlock, "page"),
        (SnippetChooserBlock, "snippet"),
    ):
        if isinstance(block, chooser):
            pk = _pk(raw)
            if pk is None:
                return None
            return Deferred(kind, (block.target_model, pk) if kind == "snippet" else pk)
    return block.get_api_representation(block.to_python(raw))


def _pk(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- Deferred values, resolved for a whole answer at once ----------------------------


class Deferred:
    """What needs the database, in the language of the item being serialized."""

    __slots__ = ("kind", "key", "language")

    def __init__(self, kind, key):
        self.kind = kind
        self.key = key
        self.language = translation.get_language()


def resolve_deferred(data, request):
    """Replace every Deferred in serialized data (in place) with its value, one query per kind."""
    found = []
    _collect(data, found)
    if found:
        resolver = _Resolver([deferred for _container, _key, deferred in found], request)
        for container, key, deferred in found:
            container[key] = resolver.value(deferred)
    return data


def _collect(data, found):
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(value, Deferred):
            found.append((data, key, value))
        else:
            _collect(value, found)


class _Resolver:
    """Everything the deferred values of one answer point at, fetched at once.

    Pages (chosen or linked from rich text) appear only when live and public, in the version of the
    item's language where that one is live and public (as Wagtail's ``page.localized`` does for the
    site), else as they are; a link to any other page keeps its text and loses its address.
    """

    def __init__(self, deferred, request):
        self.request = request
        wanted = defaultdict(set)
        for item in deferred:
            if item.kind == "rich_text":
                for match in FIND_A_TAG.finditer(item.key):
                    attrs = extract_attrs(match.group(1))
                    kind = {"page": "page", "document": "document"}.get(attrs.get("linktype"))
                    if kind and _pk(attrs.get("id")) is not None:
                        wanted[kind].add((_pk(attrs["id"]), item.language))
            else:
                wanted[item.kind].add((item.key, item.language))
        self.pages = self._pages(wanted["page"])
        self.documents = get_document_model().objects.in_bulk({pk for pk, _language in wanted["document"]})
        self.images = {}
        if wanted["image"]:
            images = get_image_model().objects.filter(pk__in={pk for pk, _language in wanted["image"]})
            images = with_alt_text_columns(images).prefetch_renditions(IMAGE_RENDITION, THUMBNAIL_RENDITION)
            self.images = {image.pk: image for image in images}
        self.snippets = self._snippets(wanted["snippet"])
        self.rewriters = {}

    @staticmethod
    def _pages(wanted):
        """(id, language) → the live, public page to show, or None."""
        if not wanted:
            return {}
        ids = {pk for pk, _language in wanted}
        languages = {language for _pk, language in wanted}
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        candidates = public_pages(
            Page.objects.live().filter(Q(pk__in=ids) | Q(translation_key__in=keys, locale__language_code__in=languages))
        ).select_related("locale")
        by_pk = {}
        by_translation = {}
        for page in candidates:
            by_pk[page.pk] = page
            by_translation[(page.translation_key, page.locale.language_code)] = page
        result = {}
        for pk, language in wanted:
            page = by_pk.get(pk)
            if page is not None:
                page = by_translation.get((page.translation_key, language), page)
            result[(pk, language)] = page
        return result

    @staticmethod
    def _snippets(wanted):
        """((model, id), language) → the snippet in the item's language where translated (as ``.localized``)."""
        by_model = defaultdict(set)
        for (model, pk), language in wanted:
            by_model[model].add((pk, language))
        result = {}
        for model, pairs in by_model.items():
            ids = {pk for pk, _language in pairs}
            queryset = model._default_manager.filter(pk__in=ids)
            if issubclass(model, TranslatableMixin):
                languages = {language for _pk, language in pairs}
                keys = model._default_manager.filter(pk__in=ids).values("translation_key")
                queryset = model._default_manager.filter(
                    Q(pk__in=ids) | Q(translation_key__in=keys, locale__language_code__in=languages)
                ).select_related("locale")
            objects = list(queryset)
            by_pk = {obj.pk: obj for obj in objects}
            by_translation = {}
            if issubclass(model, TranslatableMixin):
                by_translation = {(obj.translation_key, obj.locale.language_code): obj for obj in objects}
            for pk, language in pairs:
                obj = by_pk.get(pk)
                if obj is not None and by_translation:
                    obj = by_translation.get((obj.translation_key, language), obj)
                result[((model, pk), language)] = obj
        return result

    def value(self, deferred):
        key = (deferred.key, deferred.language)
        if deferred.kind == "rich_text":
            return self.rich_text(deferred.key, deferred.language)
        if deferred.kind == "image":
            return image_object(self.images.get(deferred.key), self.request, language=deferred.language)
        if deferred.kind == "document":
            return document_object(self.documents.get(deferred.key), self.request)
        if deferred.kind == "page":
            return page_link(self.pages.get(key), self.request)
        return object_for(self.snippets.get(key), self.request)

    def rich_text(self, source, language):
        """Database rich text → HTML a partner site can show: links expanded, URLs absolute."""
        if not source:
            return ""
        if language not in self.rewriters:
            self.rewriters[language] = self._rewriter(language)
        return make_absolute(self.rewriters[language](source), self.request)

    def _rewriter(self, language):
        # Wagtail's rules (get_rewriter), with page and document links from what was fetched above.
        link_rules = {name: handler.expand_db_attributes_many for name, handler in features.get_link_types().items()}
        link_rules["page"] = functools.partial(self._page_tags, language)
        link_rules["document"] = self._document_tags
        embed_rules = {name: handler.expand_db_attributes_many for name, handler in features.get_embed_types().items()}
        return MultiRuleRewriter([LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)])

    def _page_tags(self, language, attrs_list):
        tags = []
        for attrs in attrs_list:
            page = self.pages.get((_pk(attrs.get("id")), language))
            url = page.get_url(self.request) if page is not None else None
            tags.append(f'<a href="{escape(url)}">' if url else "<a>")
        return tags

    def _document_tags(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            document = self.documents.get(_pk(attrs.get("id")))
            tags.append(f'<a href="{escape(document.url)}">' if document is not None else "<a>")
        return tags


# --- Serializer fields ---------------------------------------------------------------


class APIContextField(Field):
    """A read-only field with the request at hand."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    @property
    def request(self):
        return self.context.get("request")


class RichTextField(APIContextField):
    def to_representation(self, value):
        return Deferred("rich_text", value or "")


class StreamField(APIContextField):
    def to_representation(self, value):
        return stream_value(value.stream_block, list(value.raw_data))


class ZonedDateTimeField(APIContextField):
    """ISO 8601 with the offset of the page's own time zone (the wall-clock time at the event's place)."""

    def __init__(self, zone_attribute="time_zone", **kwargs):
        self.zone_attribute = zone_attribute
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if value is None:
            return None
        return in_zone(value, getattr(instance, self.zone_attribute, None))

    def to_representation(self, value):
        return value.isoformat()


class DateTimeField(APIContextField):
    def to_representation(self, value):
        return timezone.localtime(value).isoformat()


class DateField(APIContextField):
    def to_representation(self, value):
        return value.isoformat()


class ImageField(APIContextField):
    def to_representation(self, value):
        return image_object(value, self.request)


class ValueField(APIContextField):
    """A plain attribute or property (statuses, flags, lists), as JSON."""

    def to_representation(self, value):
        return getattr(value, "value", value)


class RelatedField(APIContextField):
    """Topics, countries, organisations … as small objects, prepared for the whole listing at once."""

    def __init__(self, many=False, **kwargs):
        self.many = many
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        prepared = getattr(instance, "_api_related", None)
        if prepared is None or self.field_name not in prepared:
            raise SkipField()
        return _Prepared(prepared[self.field_name])

    def to_representation(self, wrapper):
        value = wrapper.value
        if self.many:
            return [object_for(item, self.request) for item in value]
        return object_for(value, self.request)


class CallbackField(APIContextField):
    """A value computed from the instance and the request by ``function(instance, request)``."""

    def __init__(self, function, **kwargs):
        self.function = function
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return self.function(instance, self.request)


class _Prepared:
    """Carries a prepared value past the serializer's "None means null" shortcut."""

    def __init__(self, value):
        self.value = value


# --- APIField shorthands for page types' PageApi.fields (cms/platform.py) ---------------------------


def rich(name):
    return APIField(name, serializer=RichTextField())


def stream(name):
    return APIField(name, serializer=StreamField())


def value(name, source=None):
    return APIField(name, serializer=ValueField(source=source) if source else ValueField())


def zoned(name, source=None):
    return APIField(name, serializer=ZonedDateTimeField(source=source) if source else ZonedDateTimeField())


def related(name, many=False):
    return APIField(name, serializer=RelatedField(many=many))


def date(name):
    return APIField(name, serializer=DateField())
