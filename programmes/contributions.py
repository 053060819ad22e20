"""What the programmes app contributes to the platform (cms/platform.py)."""

from pathlib import Path

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cms.platform import (
    ApiEndpoint,
    ApiObject,
    DemoContent,
    DemoImages,
    DemoSnippets,
    Feed,
    PageType,
    Section,
    SetupStep,
    SitemapSource,
    SnippetAccess,
    Urls,
    register,
)

from . import api, calendar, demo, feeds, reference_data, site_search, sitemap, widget
from .demo import content_de as demo_de
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

# The sections' titles are German page titles (content, translated in wagtail-localize like any page).
# Editors create programme pages with their content; calls, events and programmes go live after approval.
PROGRAMME_SECTION = Section("Programm", "programm", order=10, approval=True, created_by_setup=False)
TOPICS_SECTION = Section("Themen", "themen", order=20)
CALLS_SECTION = Section("Aufrufe", "aufrufe", order=30, approval=True)
EVENTS_SECTION = Section("Veranstaltungen", "veranstaltungen", order=40, approval=True)
PARTNERSHIPS_SECTION = Section("Partnerschaften", "partnerschaften", order=50)

register(
    PageType(ProgrammePage, api=api.PROGRAMME, search=site_search.PROGRAMMES, section=PROGRAMME_SECTION),
    PageType(ProgrammePhasePage, api=api.PROGRAMME_PHASE, search=site_search.PROGRAMME_PHASES),
    PageType(TopicIndexPage, api=api.INTRO, section=TOPICS_SECTION),
    PageType(TopicPage, api=api.TOPIC_PAGE, search=site_search.TOPIC_PAGES),
    PageType(CallIndexPage, api=api.INTRO, section=CALLS_SECTION),
    PageType(EventIndexPage, api=api.INTRO, section=EVENTS_SECTION),
    PageType(PartnershipIndexPage, api=api.PARTNERSHIP_INDEX, section=PARTNERSHIPS_SECTION),
    PageType(CallForParticipationPage, api=api.CALL, search=site_search.CALLS, on_topic_pages=True),
    PageType(EventPage, api=api.EVENT, search=site_search.EVENTS, on_topic_pages=True),
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
register(site_search.TOPIC, site_search.COUNTRY, site_search.PARTNERSHIPS)
register(
    DemoContent(
        pages=demo_de.PAGES,
        snippets=[
            DemoSnippets("applicant_type", ApplicantType, demo_de.APPLICANT_TYPES, {"code": "key"}, key_field="code"),
            DemoSnippets("organisation", Organisation, demo_de.ORGANISATIONS, {"name": "name"}),
            DemoSnippets("contact_point", ContactPoint, demo_de.CONTACT_POINTS, {"title": "title"}),
            DemoSnippets("venue", Venue, demo_de.VENUES, {"name": "name"}),
            DemoSnippets(
                "partnership",
                Partnership,
                demo_de.PARTNERSHIPS,
                {"german_partner": "german_partner", "maghreb_partner": "maghreb_partner"},
                before_pages=False,  # a partnership refers to its phase page
            ),
        ],
        images=DemoImages(demo_de.IMAGE_DIR, demo_de.IMAGES),
        po_dir=Path(demo.__file__).resolve().parent / "locale",
        resolvers={demo.Place: demo.resolve_place},
        fields={"organisation_roles": demo.ORGANISATION_ROLES},
        order=200,
    )
)
register(SetupStep("reference_data", reference_data.ensure_reference_data))
register(
    # Rows per language, translated with wagtail-localize.
    *(
        SnippetAccess(model, translatable=True)
        for model in (Organisation, ContactPoint, Venue, ApplicantType, Partnership)
    ),
    # Reference data without language (ISO codes): editors maintain it, translators only read it.
    *(SnippetAccess(model, translatable=False) for model in (Country, Region)),
)
