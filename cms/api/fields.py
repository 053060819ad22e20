"""Serializer fields of the public API: real HTML, absolute URLs, renditions, small objects.

Related objects (topics, countries, organisations …) are not read here one by one: the endpoint
prepares them for the whole page of results in a fixed number of queries (see ``prepare``) and
stores them on each item as ``_api_related``; these fields only format what is there.
"""

import re

from django.utils import timezone
from rest_framework.fields import Field, SkipField
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.timezones import in_zone

IMAGE_RENDITION = "max-1600x1600"
THUMBNAIL_RENDITION = "fill-400x300"

_RELATIVE_URL = re.compile(r'(?P<attr>\s(?:href|src))="(?P<url>/[^/"][^"]*|/)"')


def root_url(request):
    """The public address of the site (Wagtail's Site), as page URLs use it; else the request's host."""
    if request is None:
        return ""
    if not hasattr(request, "_api_root_url"):
        site = Site.find_for_request(request)
        request._api_root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return request._api_root_url


def absolute(url, request):
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    return root_url(request) + url


def rich_text_html(source, request):
    """Database rich text → HTML a partner site can show: links expanded, URLs absolute."""
    if not source:
        return ""
    html = expand_db_html(source)
    base = root_url(request)
    return _RELATIVE_URL.sub(lambda m: f'{m["attr"]}="{base}{m["url"]}"', html)


def iso(value):
    return value.isoformat() if value is not None else None


# --- Small objects ------------------------------------------------------------------


def page_link(page, request):
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "slug": page.slug, "url": page.get_full_url(request)}


def country_object(country):
    if country is None:
        return None
    return {"id": country.pk, "code": country.code, "name": str(country.name)}


def region_object(region):
    if region is None:
        return None
    return {"id": region.pk, "code": region.code, "name": str(region.display_name)}


def applicant_type_object(item):
    return {"id": item.pk, "code": item.code, "name": item.name}


def organisation_object(org):
    if org is None:
        return None
    return {
        "id": org.pk,
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "website": org.website,
        "country": country_object(org.country) if org.country_id else None,
    }


def contact_object(contact):
    if contact is None:
        return None
    return {
        "id": contact.pk,
        "title": contact.title,
        "email": contact.email,
        "phone": contact.phone,
        "url": contact.url,
        "address": contact.address,
    }


def venue_object(venue):
    if venue is None:
        return None
    return {
        "id": venue.pk,
        "name": venue.name,
        "street_address": venue.street_address,
        "postal_code": venue.postal_code,
        "locality": venue.locality,
        "region": region_object(venue.region) if venue.region_id else None,
        "country": country_object(venue.country),
    }


def image_object(image, request, spec=IMAGE_RENDITION):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    thumbnail = image.get_rendition(THUMBNAIL_RENDITION)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.description or "",
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
    """The small object for whatever a relation points at."""
    from programmes.models import ApplicantType, ContactPoint, Country, Organisation, Region, Venue

    if value is None:
        return None
    if isinstance(value, Page):
        return page_link(value, request)
    for model, build in (
        (Country, country_object),
        (Region, region_object),
        (ApplicantType, applicant_type_object),
        (Organisation, organisation_object),
        (ContactPoint, contact_object),
        (Venue, venue_object),
    ):
        if isinstance(value, model):
            return build(value)
    raise TypeError(f"No API representation for {type(value).__name__}")


# --- StreamField ---------------------------------------------------------------------


def block_value(block, value, request):
    """A block's value as JSON: rich text as HTML, images as renditions, links as absolute URLs."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value.source if value is not None else "", request)
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": child.block_type, "id": child.id, "value": block_value(child.block, child.value, request)}
            for child in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {name: block_value(child, value.get(name), request) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item, request) for item in value]
    if isinstance(block, ImageChooserBlock):
        return image_object(value, request)
    if isinstance(block, DocumentChooserBlock):
        return document_object(value, request)
    if isinstance(block, blocks.PageChooserBlock):
        # A link to a page that is not published (or not public) is left out.
        if value is None or not value.live or not Page.objects.filter(pk=value.pk).public().exists():
            return None
        return page_link(value.specific, request)
    if isinstance(block, SnippetChooserBlock):
        return object_for(value, request) if value is not None else None
    return block.get_api_representation(value)


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
        return rich_text_html(value, self.request)


class StreamField(APIContextField):
    def to_representation(self, value):
        return block_value(value.stream_block, value, self.request)


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
