"""What the public API (cms/api) shows of each page type and reference snippet.

The declarations live here rather than as ``api_fields`` on the models, so that the models stay the
editing contract and the API contract is read in one place. Each page type's ``PageApi`` (registered
in contributions.py) holds its fields, the relations prepared in batch (localized into the page's
language, live and public pages only), the filters and orderings it supports.
"""

from collections import defaultdict

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from cms.api import fields as f
from cms.api.endpoints import SnippetEndpoint
from cms.api.fields import date, related, rich, stream, value, zoned
from cms.api.filters import BooleanFilter, ChoiceFilter, CodeFilter, CountryFilter, MomentFilter, RelatedPageFilter
from cms.api.params import parse_choice
from cms.api.schema import (
    BOOLEAN,
    DATE,
    INTEGER,
    PAGE_REF,
    RICH_TEXT,
    STREAM,
    STRING,
    URL,
    ZONED,
    nullable,
    obj,
    ref,
)
from cms.image_alt import alt_texts_prefetch
from cms.localization import localize_pairs, public_pages
from cms.platform import PageApi, Relation

from .models import (
    ApplicantType,
    CallForParticipationPage,
    ContactPoint,
    Country,
    EventFormat,
    Organisation,
    Partnership,
    ProgrammeOrganisation,
    ProgrammePhasePage,
    Region,
    TopicPage,
    Venue,
)

# --- Small objects: how page fields and snippets show these models (registered as ApiObject) ---


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


COUNTRY_SCHEMA = obj({"id": INTEGER, "code": {"type": "string", "pattern": "^[A-Z]{2}$"}, "name": STRING})
REGION_SCHEMA = obj({"id": INTEGER, "code": STRING, "name": STRING})
VENUE_SCHEMA = obj(
    {
        "id": INTEGER,
        "name": STRING,
        "street_address": STRING,
        "postal_code": STRING,
        "locality": STRING,
        "region": nullable(ref("Region")),
        "country": ref("Country"),
    }
)
ORGANISATION_SCHEMA = obj(
    {
        "id": INTEGER,
        "name": STRING,
        "short_name": STRING,
        "kind": STRING,
        "website": STRING,
        "country": nullable(ref("Country")),
    }
)
CONTACT_POINT_SCHEMA = obj(
    {"id": INTEGER, "title": STRING, "email": STRING, "phone": STRING, "url": STRING, "address": STRING}
)
APPLICANT_TYPE_SCHEMA = obj({"id": INTEGER, "code": STRING, "name": STRING})


# --- Pages ----------------------------------------------------------------------------------


def _event_ical_url(page, request):
    return f.absolute(reverse("event_ical", args=[page.pk]), request)


def _sources(page, request):
    return page.source_list


def _organisation_roles(page, request):
    roles = getattr(page, "_api_related", {}).get("_organisation_roles", [])
    return [{"role": role, "organisation": organisation_object(org)} for role, org in roles]


def prepare_roles(pages, request):
    """Programme pages' organisations with their roles, in each page's language, in two queries."""
    roles = defaultdict(list)
    rows = ProgrammeOrganisation.objects.filter(page__in=pages).select_related("organisation__country")
    for role in rows.order_by("page_id", "sort_order", "pk"):
        roles[role.page_id].append(role)
    pairs = [(role.organisation, page.locale_id) for page in pages for role in roles[page.pk]]
    organisations = iter(localize_pairs(pairs, Organisation.objects.select_related("country")))
    for page in pages:
        page._api_related["_organisation_roles"] = [(role.role, next(organisations)) for role in roles[page.pk]]


def partnership_route(page, args):
    """The partnership a partnership index shows at a sub-path; None where routing ended on the index."""
    # RoutablePageMixin routes to itself with (view, args, kwargs) for a sub-page.
    if len(args) != 3 or getattr(args[0], "__name__", "") != "partnership_view":
        return None
    partnership, _versions = page.shown_partnership(args[2]["pk"])
    if partnership is None:
        raise Http404("No partnership with this id in this language or the source language.")
    return partnership


TOPICS = Relation(TopicPage, many=True)
COUNTRIES = Relation(Country, many=True)
PHASE = Relation(ProgrammePhasePage)
CONTACT_POINT = Relation(ContactPoint)

# Filters of /api/v2/pages/, shared by the page types that support them (in the order they apply).
TOPIC_FILTER = RelatedPageFilter("topic", "A topic's id or slug (in any language).", field="topics", target=TopicPage)
PHASE_FILTER = RelatedPageFilter("phase", "A programme phase's id or slug.", field="phase", target=ProgrammePhasePage)
COUNTRY_FILTER = CountryFilter("country", "ISO 3166-1 alpha-2 code, for example DZ.")
FOCUS_COUNTRY_FILTER = CountryFilter("country", COUNTRY_FILTER.description, field="focus_countries")
STATUS_FILTER = ChoiceFilter("status", "Call status.", choices=("upcoming", "open", "closed"), method="with_status")
ELIGIBLE_FILTER = CodeFilter(
    "eligible",
    "Applicant type code (the same in every language), for example staedte.",
    field="eligible_types",
    target=ApplicantType,
    label="applicant type",
)


def _not_over():
    return Q(end__gt=timezone.now())


def _over():
    return Q(end__lte=timezone.now())


EVENT_FILTERS = (
    BooleanFilter("upcoming", "Events not yet over.", condition=_not_over),
    BooleanFilter("past", "Events that are over.", condition=_over),
    MomentFilter("from", "Events ending on or after this ISO 8601 date or date-time.", lookup="end__gte"),
    MomentFilter(
        "to",
        "Events starting on or before this ISO 8601 date or date-time.",
        lookup="start__lte",
        end_of_day=True,
        not_before="from",
    ),
    ChoiceFilter("format", "Event format.", choices=tuple(EventFormat.values), lookup="event_format"),
)

COUNTRY_LIST = {"type": "array", "items": ref("Country")}
TOPIC_LIST = {"type": "array", "items": ref("PageRef")}
CONTACT = nullable(ref("ContactPoint"))
# One field across calls, events and phases: the Page schema documents every type's values.
STATUS = {
    "type": "string",
    "enum": [
        "upcoming",
        "open",
        "closed",
        "ongoing",
        "past",
        "cancelled",
        "postponed",
        "planned",
        "current",
        "completed",
    ],
    "description": "Derived from the dates: calls upcoming/open/closed; events upcoming/ongoing/past/"
    "cancelled/postponed; phases planned/current/completed.",
}

INTRO = PageApi(fields=[value("intro")], schema={"intro": STRING})

PROGRAMME = PageApi(
    fields=[
        value("summary"),
        stream("body"),
        related("countries", many=True),
        related("topics", many=True),
        APIField("organisations", serializer=f.CallbackField(_organisation_roles)),
        related("contact_point"),
    ],
    relations={"countries": COUNTRIES, "topics": TOPICS, "contact_point": CONTACT_POINT},
    schema={
        "summary": STRING,
        "body": STREAM,
        "countries": COUNTRY_LIST,
        "topics": TOPIC_LIST,
        "organisations": {"type": "array", "items": obj({"role": STRING, "organisation": ref("Organisation")})},
        "contact_point": CONTACT,
    },
    listing=["summary"],
    filters=(TOPIC_FILTER, COUNTRY_FILTER),
    prepare=prepare_roles,
)

PROGRAMME_PHASE = PageApi(
    fields=[
        date("start_date"),
        date("end_date"),
        value("date_precision"),
        value("status"),
        related("focus_countries", many=True),
        value("summary"),
        stream("body"),
        APIField("sources", serializer=f.CallbackField(_sources)),
    ],
    relations={"focus_countries": COUNTRIES},
    schema={
        "start_date": DATE,
        "end_date": nullable(DATE),
        "date_precision": {"type": "string", "enum": ["day", "year"]},
        "status": STATUS,
        "focus_countries": COUNTRY_LIST,
        "summary": STRING,
        "body": STREAM,
        "sources": {"type": "array", "items": STRING},
    },
    listing=["summary", "start_date", "end_date", "status"],
    filters=(FOCUS_COUNTRY_FILTER,),
)

TOPIC_PAGE = PageApi(
    fields=[value("summary"), APIField("image", serializer=f.ImageField()), stream("body")],
    schema={"summary": STRING, "image": nullable(ref("Image")), "body": STREAM},
    listing=["summary", "image"],
    select_related=("image",),
    prefetch_related=("image__renditions", alt_texts_prefetch("image__alt_texts")),
)

PARTNERSHIP_INDEX = PageApi(fields=[value("intro")], schema={"intro": STRING}, resolve_route=partnership_route)

CALL = PageApi(
    fields=[
        value("summary"),
        # Status and dates count from the source language (a translation's copies may be stale).
        value("status", source="source_version.status"),
        value("time_zone"),
        zoned("opening", source="source_version.opening"),
        zoned("deadline", source="source_version.deadline"),
        value("deadline_note"),
        related("eligible_types", many=True),
        rich("offer"),
        rich("expectations"),
        related("topics", many=True),
        related("countries", many=True),
        related("phase"),
        stream("body"),
        rich("how_to_apply"),
        stream("documents"),
        stream("faq"),
        related("contact_point"),
    ],
    relations={
        "eligible_types": Relation(ApplicantType, many=True),
        "topics": TOPICS,
        "countries": COUNTRIES,
        "phase": PHASE,
        "contact_point": CONTACT_POINT,
    },
    schema={
        "summary": STRING,
        "status": STATUS,
        "time_zone": STRING,
        "opening": ZONED,
        "deadline": ZONED,
        "deadline_note": STRING,
        "eligible_types": {"type": "array", "items": ref("ApplicantType")},
        "offer": RICH_TEXT,
        "expectations": RICH_TEXT,
        "topics": TOPIC_LIST,
        "countries": COUNTRY_LIST,
        "phase": PAGE_REF,
        "body": STREAM,
        "how_to_apply": RICH_TEXT,
        "documents": STREAM,
        "faq": STREAM,
        "contact_point": CONTACT,
    },
    listing=["summary", "status", "opening", "deadline", "eligible_types", "topics", "countries"],
    filters=(TOPIC_FILTER, PHASE_FILTER, COUNTRY_FILTER, STATUS_FILTER, ELIGIBLE_FILTER),
    orderings={"deadline": "deadline"},
)

EVENT = PageApi(
    fields=[
        value("summary"),
        # Status, schedule, deadline and capacity count from the source language, as registration does.
        value("status", source="source_version.status"),
        value("time_zone"),
        zoned("start"),
        zoned("end"),
        value("all_day"),
        value("schedule", source="source_version.schedule"),
        value("event_format"),
        related("venue"),
        value("online_platform"),
        # The access link only where the editor made it public.
        value("online_url", source="public_online_url"),
        value("online_details"),
        value("registration_url"),
        zoned("registration_deadline", source="source_version.registration_deadline"),
        value("registration_is_open", source="external_registration_is_open"),
        value("capacity", source="source_version.capacity"),
        value("languages"),
        value("interpretation"),
        related("organiser"),
        related("topics", many=True),
        related("countries", many=True),
        related("related_call"),
        related("phase"),
        stream("body"),
        APIField("ical_url", serializer=f.CallbackField(_event_ical_url)),
    ],
    relations={
        "venue": Relation(Venue, select_related=("country", "region")),
        "organiser": Relation(Organisation, select_related=("country",)),
        "topics": TOPICS,
        "countries": COUNTRIES,
        "related_call": Relation(CallForParticipationPage),
        "phase": PHASE,
    },
    schema={
        "summary": STRING,
        "status": STATUS,
        "time_zone": STRING,
        "start": ZONED,
        "end": ZONED,
        "all_day": BOOLEAN,
        "schedule": {"type": "string", "enum": ["scheduled", "cancelled", "postponed"]},
        "event_format": {"type": "string", "enum": ["online", "on_site", "hybrid"]},
        "venue": nullable(ref("Venue")),
        "online_platform": STRING,
        "online_url": {"type": "string", "description": "Empty unless the editor made the access link public."},
        "online_details": STRING,
        "registration_url": STRING,
        "registration_deadline": ZONED,
        "registration_is_open": BOOLEAN,
        "capacity": nullable(INTEGER),
        "languages": {"type": "array", "items": STRING},
        "interpretation": STRING,
        "organiser": nullable(ref("Organisation")),
        "topics": TOPIC_LIST,
        "countries": COUNTRY_LIST,
        "related_call": PAGE_REF,
        "phase": PAGE_REF,
        "body": STREAM,
        "ical_url": URL,
    },
    listing=["summary", "status", "start", "end", "all_day", "event_format", "venue", "topics", "countries"],
    filters=(TOPIC_FILTER, PHASE_FILTER, COUNTRY_FILTER, *EVENT_FILTERS),
    orderings={"start": "start"},
)


# --- Reference snippets ------------------------------------------------------------------


class OrganisationsEndpoint(SnippetEndpoint):
    model = Organisation
    filters = ("locale", "country", "kind", "search")
    select_related = ("locale", "country")
    api_fields = [
        value("name"),
        value("short_name"),
        value("kind"),
        APIField("country", serializer=f.CallbackField(lambda o, r: country_object(o.country))),
        value("website"),
        value("description"),
    ]
    listing_fields = ["name", "short_name", "kind", "country", "website"]
    more_parameters = (("kind", {"type": "string", "enum": Organisation.Kind.values}, "Kind of organisation."),)

    def filter_more(self, queryset, params):
        if "kind" in params:
            queryset = queryset.filter(kind=parse_choice("kind", params["kind"], Organisation.Kind.values))
        return queryset


class PlacesEndpoint(SnippetEndpoint):
    """Venues: the places where events happen, with their region and country (ISO 3166)."""

    model = Venue
    filters = ("locale", "country")
    select_related = ("locale", "country", "region")
    api_fields = [
        value("name"),
        value("street_address"),
        value("postal_code"),
        value("locality"),
        APIField("region", serializer=f.CallbackField(lambda v, r: region_object(v.region))),
        APIField("country", serializer=f.CallbackField(lambda v, r: country_object(v.country))),
    ]
    listing_fields = ["name", "locality", "region", "country"]


class CountriesEndpoint(SnippetEndpoint):
    model = Country
    translatable = False
    filters = ()
    api_fields = [value("code"), value("name")]
    listing_fields = ["code", "name"]


class RegionsEndpoint(SnippetEndpoint):
    model = Region
    translatable = False
    filters = ("country",)
    select_related = ("country",)
    api_fields = [
        value("code"),
        value("name", source="display_name"),
        APIField("country", serializer=f.CallbackField(lambda v, r: country_object(v.country))),
        date("valid_from"),
        date("valid_until"),
    ]
    listing_fields = ["code", "name", "country", "valid_from", "valid_until"]


def _partnership_topics(item, request):
    return [f.page_link(topic, request) for topic in getattr(item, "_api_topics", [])]


def _partnership_phase(item, request):
    return f.page_link(getattr(item, "_api_phase", None), request)


def _partnership_url(item, request):
    # Its page under the partnership index of its own language; None where that has none.
    return item.get_url(request, item.locale, full=True, fallback=False)


def _translation_keys(model, value):
    """The translation keys of the live, public pages of ``model`` with this id or slug."""
    lookup = Q(pk=int(value)) if value.isdigit() and len(value) < 10 else Q(slug=value)
    return list(public_pages(model.objects.live()).filter(lookup).values_list("translation_key", flat=True))


class PartnershipsEndpoint(SnippetEndpoint):
    model = Partnership
    site_search = True
    filters = ("locale", "country", "topic", "phase", "status", "search")
    select_related = ("locale", "german_state", "country", "region", "phase")
    prefetch_related = ("topics",)
    api_fields = [
        value("german_partner"),
        APIField("german_state", serializer=f.CallbackField(lambda p, r: region_object(p.german_state))),
        value("maghreb_partner"),
        APIField("country", serializer=f.CallbackField(lambda p, r: country_object(p.country))),
        APIField("region", serializer=f.CallbackField(lambda p, r: region_object(p.region))),
        value("focus"),
        APIField("topics", serializer=f.CallbackField(_partnership_topics)),
        APIField("phase", serializer=f.CallbackField(_partnership_phase)),
        value("since"),
        value("status"),
        APIField("sources", serializer=f.CallbackField(lambda p, r: p.source_list)),
        APIField("url", serializer=f.CallbackField(_partnership_url)),
    ]
    listing_fields = [
        "german_partner",
        "maghreb_partner",
        "country",
        "region",
        "focus",
        "topics",
        "status",
        "since",
        "url",
    ]
    status_choices = ["planned", "active", "completed"]
    more_parameters = (
        ("topic", STRING, "A topic's id or slug."),
        ("phase", STRING, "A programme phase's id or slug."),
    )
    search_description = (
        "Full-text search as the site search does it: with locale, that language's "
        "partnerships with its own stemming, in relevance order; without, every language."
    )

    def filter_more(self, queryset, params):
        if "topic" in params:
            keys = _translation_keys(TopicPage, params["topic"])
            if not keys:
                raise BadRequestError(f"unknown topic “{params['topic']}”")
            queryset = queryset.filter(pk__in=self.model.objects.filter(topics__translation_key__in=keys).values("pk"))
        if "phase" in params:
            keys = _translation_keys(ProgrammePhasePage, params["phase"])
            if not keys:
                raise BadRequestError(f"unknown phase “{params['phase']}”")
            queryset = queryset.filter(phase__translation_key__in=keys)
        return queryset

    def prepare_more(self, items):
        """Topics and phase of each row, in the row's language, live and public only: three queries."""
        topic_pairs = [(topic, item.locale_id) for item in items for topic in item.topics.all()]
        topics = iter(localize_pairs(topic_pairs, public_pages(TopicPage.objects.live())))
        phase_pairs = [(item.phase, item.locale_id) for item in items if item.phase_id and item.phase]
        phases = iter(localize_pairs(phase_pairs, public_pages(ProgrammePhasePage.objects.live())))
        for item in items:
            item._api_topics = [next(topics) for _topic in item.topics.all()]
            item._api_phase = next(phases) if item.phase_id and item.phase else None
        candidates = {page.pk for item in items for page in [*item._api_topics, item._api_phase] if page is not None}
        allowed = set(public_pages(Page.objects.live().filter(pk__in=candidates)).values_list("pk", flat=True))
        for item in items:
            item._api_topics = [topic for topic in item._api_topics if topic.pk in allowed]
            if item._api_phase is not None and item._api_phase.pk not in allowed:
                item._api_phase = None


# Their items in the OpenAPI document, besides id and meta (contributions.py registers them).
ORGANISATION_ITEM = {
    "name": STRING,
    "short_name": STRING,
    "kind": STRING,
    "country": nullable(ref("Country")),
    "website": STRING,
    "description": STRING,
}
PLACE_ITEM = {
    "name": STRING,
    "street_address": STRING,
    "postal_code": STRING,
    "locality": STRING,
    "region": nullable(ref("Region")),
    "country": ref("Country"),
}
COUNTRY_ITEM = {"code": STRING, "name": STRING}
REGION_ITEM = {
    "code": STRING,
    "name": STRING,
    "country": ref("Country"),
    "valid_from": nullable(DATE),
    "valid_until": nullable(DATE),
}
PARTNERSHIP_ITEM = {
    "german_partner": STRING,
    "german_state": nullable(ref("Region")),
    "maghreb_partner": STRING,
    "country": ref("Country"),
    "region": nullable(ref("Region")),
    "focus": STRING,
    "topics": {"type": "array", "items": ref("PageRef")},
    "phase": nullable(ref("PageRef")),
    "since": nullable(INTEGER),
    "status": {"type": "string", "enum": PartnershipsEndpoint.status_choices},
    "sources": {"type": "array", "items": STRING},
    "url": nullable(
        {
            **URL,
            "description": "The partnership's page on the site, in its own language; null where "
            "that language has no published partnership index.",
        }
    ),
}
