"""What the public API (cms/api) shows of each page type and reference snippet.

The declarations live here rather than as ``api_fields`` on the models, so that the models stay the
editing contract and the API contract is read in one place. ``API_PAGES`` maps a page model to
its fields, the relations prepared in batch (localized into the page's language, live and public
pages only) and the filters it supports.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.api import APIField

from cms.api import fields as f
from cms.api.endpoints import SnippetEndpoint
from cms.image_alt import alt_texts_prefetch
from home.models import HomePage, StandardPage

from .models import (
    ApplicantType,
    CallForParticipationPage,
    CallIndexPage,
    ContactPoint,
    Country,
    EventIndexPage,
    EventPage,
    Organisation,
    Partnership,
    PartnershipIndexPage,
    ProgrammePage,
    ProgrammePhasePage,
    Region,
    TopicIndexPage,
    TopicPage,
    Venue,
)


@dataclass(frozen=True)
class Relation:
    """A relation shown as small objects: ``many`` for many-to-many, else a foreign key."""

    model: type
    many: bool = False


@dataclass
class PageAPI:
    fields: list
    relations: dict = field(default_factory=dict)
    listing: list = field(default_factory=list)
    select_related: tuple = ()
    prefetch_related: tuple = ()


def rich(name):
    return APIField(name, serializer=f.RichTextField())


def stream(name):
    return APIField(name, serializer=f.StreamField())


def value(name, source=None):
    return APIField(name, serializer=f.ValueField(source=source) if source else f.ValueField())


def zoned(name, source=None):
    return APIField(name, serializer=f.ZonedDateTimeField(source=source) if source else f.ZonedDateTimeField())


def related(name, many=False):
    return APIField(name, serializer=f.RelatedField(many=many))


def date(name):
    return APIField(name, serializer=f.DateField())


def _event_ical_url(page, request):
    return f.absolute(reverse("event_ical", args=[page.pk]), request)


def _sources(page, request):
    return page.source_list


def _organisation_roles(page, request):
    roles = getattr(page, "_api_related", {}).get("_organisation_roles", [])
    return [{"role": role, "organisation": f.organisation_object(org)} for role, org in roles]


TOPIC = Relation(TopicPage)
TOPICS = Relation(TopicPage, many=True)
COUNTRIES = Relation(Country, many=True)

API_PAGES = {
    HomePage: PageAPI(
        fields=[value("intro"), related("featured_programme"), stream("body"), value("footer_note")],
        relations={"featured_programme": Relation(ProgrammePage)},
    ),
    StandardPage: PageAPI(
        fields=[value("summary"), stream("body"), value("easy_language")],
        listing=["summary"],
    ),
    ProgrammePage: PageAPI(
        fields=[
            value("summary"),
            stream("body"),
            related("countries", many=True),
            related("topics", many=True),
            APIField("organisations", serializer=f.CallbackField(_organisation_roles)),
            related("contact_point"),
        ],
        relations={"countries": COUNTRIES, "topics": TOPICS, "contact_point": Relation(ContactPoint)},
        listing=["summary"],
    ),
    ProgrammePhasePage: PageAPI(
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
    ),
    TopicIndexPage: PageAPI(fields=[value("intro")]),
    TopicPage: PageAPI(
        fields=[value("summary"), APIField("image", serializer=f.ImageField()), stream("body")],
        listing=["summary", "image"],
        select_related=("image",),
        prefetch_related=("image__renditions", alt_texts_prefetch("image__alt_texts")),
    ),
    CallIndexPage: PageAPI(fields=[value("intro")]),
    EventIndexPage: PageAPI(fields=[value("intro")]),
    PartnershipIndexPage: PageAPI(fields=[value("intro")]),
    CallForParticipationPage: PageAPI(
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
            "phase": Relation(ProgrammePhasePage),
            "contact_point": Relation(ContactPoint),
        },
        listing=["summary", "status", "opening", "deadline", "eligible_types", "topics", "countries"],
    ),
    EventPage: PageAPI(
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
            "venue": Relation(Venue),
            "organiser": Relation(Organisation),
            "topics": TOPICS,
            "countries": COUNTRIES,
            "related_call": Relation(CallForParticipationPage),
            "phase": Relation(ProgrammePhasePage),
        },
        listing=["summary", "status", "start", "end", "all_day", "event_format", "venue", "topics", "countries"],
    ),
}


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
