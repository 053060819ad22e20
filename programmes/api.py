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

from cms.api import fields as f
from cms.api.endpoints import SnippetEndpoint
from cms.api.fields import date, related, rich, stream, value, zoned
from cms.api.filters import BooleanFilter, ChoiceFilter, CodeFilter, CountryFilter, MomentFilter, RelatedPageFilter
from cms.image_alt import alt_texts_prefetch
from cms.localization import localize_pairs
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


def _event_ical_url(page, request):
    return f.absolute(reverse("event_ical", args=[page.pk]), request)


def _sources(page, request):
    return page.source_list


def _organisation_roles(page, request):
    roles = getattr(page, "_api_related", {}).get("_organisation_roles", [])
    return [{"role": role, "organisation": f.organisation_object(org)} for role, org in roles]


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

INTRO = PageApi(fields=[value("intro")])

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
    listing=["summary", "start_date", "end_date", "status"],
    filters=(FOCUS_COUNTRY_FILTER,),
)

TOPIC_PAGE = PageApi(
    fields=[value("summary"), APIField("image", serializer=f.ImageField()), stream("body")],
    listing=["summary", "image"],
    select_related=("image",),
    prefetch_related=("image__renditions", alt_texts_prefetch("image__alt_texts")),
)

PARTNERSHIP_INDEX = PageApi(fields=[value("intro")], resolve_route=partnership_route)

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
    listing=["summary", "status", "start", "end", "all_day", "event_format", "venue", "topics", "countries"],
    filters=(TOPIC_FILTER, PHASE_FILTER, COUNTRY_FILTER, *EVENT_FILTERS),
    orderings={"start": "start"},
)


# --- Reference snippets ------------------------------------------------------------------


class OrganisationsEndpoint(SnippetEndpoint):
    name = "organisations"
    model = Organisation
    filters = ("locale", "country", "kind", "search")
    select_related = ("locale", "country")
    api_fields = [
        value("name"),
        value("short_name"),
        value("kind"),
        APIField("country", serializer=f.CallbackField(lambda o, r: f.country_object(o.country))),
        value("website"),
        value("description"),
    ]
    listing_fields = ["name", "short_name", "kind", "country", "website"]
    kind_choices = [choice for choice, _label in Organisation.Kind.choices]


class PlacesEndpoint(SnippetEndpoint):
    """Venues: the places where events happen, with their region and country (ISO 3166)."""

    name = "places"
    model = Venue
    filters = ("locale", "country")
    select_related = ("locale", "country", "region")
    api_fields = [
        value("name"),
        value("street_address"),
        value("postal_code"),
        value("locality"),
        APIField("region", serializer=f.CallbackField(lambda v, r: f.region_object(v.region))),
        APIField("country", serializer=f.CallbackField(lambda v, r: f.country_object(v.country))),
    ]
    listing_fields = ["name", "locality", "region", "country"]


class CountriesEndpoint(SnippetEndpoint):
    name = "countries"
    model = Country
    translatable = False
    filters = ()
    api_fields = [value("code"), value("name")]
    listing_fields = ["code", "name"]


class RegionsEndpoint(SnippetEndpoint):
    name = "regions"
    model = Region
    translatable = False
    filters = ("country",)
    select_related = ("country",)
    api_fields = [
        value("code"),
        value("name", source="display_name"),
        APIField("country", serializer=f.CallbackField(lambda v, r: f.country_object(v.country))),
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


class PartnershipsEndpoint(SnippetEndpoint):
    name = "partnerships"
    model = Partnership
    site_search = True
    filters = ("locale", "country", "topic", "phase", "status", "search")
    select_related = ("locale", "german_state", "country", "region", "phase")
    prefetch_related = ("topics",)
    api_fields = [
        value("german_partner"),
        APIField("german_state", serializer=f.CallbackField(lambda p, r: f.region_object(p.german_state))),
        value("maghreb_partner"),
        APIField("country", serializer=f.CallbackField(lambda p, r: f.country_object(p.country))),
        APIField("region", serializer=f.CallbackField(lambda p, r: f.region_object(p.region))),
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
