"""What the programmes app contributes to the platform (cms/platform.py)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cms.platform import ApiEndpoint, ApiObject, Feed, PageType, SitemapSource, Urls, register

from . import api, calendar, feeds, sitemap, widget
from .models import (
    ApplicantType,
    CallForParticipationPage,
    CallIndexPage,
    ContactPoint,
    Country,
    EventIndexPage,
    EventPage,
    Organisation,
    PartnershipIndexPage,
    ProgrammePage,
    ProgrammePhasePage,
    Region,
    TopicIndexPage,
    TopicPage,
    Venue,
)

register(
    PageType(ProgrammePage, api=api.PROGRAMME),
    PageType(ProgrammePhasePage, api=api.PROGRAMME_PHASE),
    PageType(TopicIndexPage, api=api.INTRO),
    PageType(TopicPage, api=api.TOPIC_PAGE),
    PageType(CallIndexPage, api=api.INTRO),
    PageType(EventIndexPage, api=api.INTRO),
    PageType(PartnershipIndexPage, api=api.PARTNERSHIP_INDEX),
    PageType(CallForParticipationPage, api=api.CALL, on_topic_pages=True),
    PageType(EventPage, api=api.EVENT, on_topic_pages=True),
)
register(
    ApiEndpoint(
        "organisations",
        api.OrganisationsEndpoint,
        "Organisation",
        api.ORGANISATION_ITEM,
        "Organisations (reference data)",
    ),
    ApiEndpoint("places", api.PlacesEndpoint, "Place", api.PLACE_ITEM, "Venues of events"),
    ApiEndpoint("countries", api.CountriesEndpoint, "Country", api.COUNTRY_ITEM, "Countries (ISO 3166-1)"),
    ApiEndpoint("regions", api.RegionsEndpoint, "Region", api.REGION_ITEM, "Regions (ISO 3166-2)"),
    ApiEndpoint("partnerships", api.PartnershipsEndpoint, "Partnership", api.PARTNERSHIP_ITEM, "Project partnerships"),
)
register(
    ApiObject(Country, "Country", api.country_object, api.COUNTRY_SCHEMA),
    ApiObject(Region, "Region", api.region_object, api.REGION_SCHEMA),
    ApiObject(Venue, "Venue", api.venue_object, api.VENUE_SCHEMA),
    ApiObject(Organisation, "Organisation", api.organisation_object, api.ORGANISATION_SCHEMA),
    ApiObject(ContactPoint, "ContactPoint", api.contact_object, api.CONTACT_POINT_SCHEMA),
    ApiObject(ApplicantType, "ApplicantType", api.applicant_type_object, api.APPLICANT_TYPE_SCHEMA),
)
register(
    Feed("calls_feed", "feeds/calls.atom", feeds.CallsFeed(), _("Calls for participation (Atom feed)")),
    Feed("events_feed", "feeds/events.atom", feeds.EventsFeed(), _("Events (Atom feed)")),
    Feed("events_ical", "calendar/events.ics", calendar.events_ics, _("Events (calendar)"), "text/calendar"),
)
register(
    Urls(
        [
            path("calendar/events/<int:pk>.ics", calendar.event_ics, name="event_ical"),
            path("widget/", include(widget)),
        ],
        position="root",
    ),
)
register(SitemapSource("partnership", sitemap.partnership_entries))
