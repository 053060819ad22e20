"""schema.org JSON-LD for events, calls and programmes (see the conventions brief).

Builders return plain dicts; ``cms.json_ld`` turns them into text that is safe inside <script>.
Only what the page itself shows publicly goes in: a non-public online link never does.
"""

from cms.json_ld import SCHEMA
from cms.languages import bcp47, content_language_tag

from .models.events import EventFormat, EventStatus
from .models.programme import ProgrammeOrganisation

ATTENDANCE_MODES = {
    EventFormat.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    EventFormat.ON_SITE: f"{SCHEMA}/OfflineEventAttendanceMode",
    EventFormat.HYBRID: f"{SCHEMA}/MixedEventAttendanceMode",
}

EVENT_STATUSES = {
    EventStatus.CANCELLED: f"{SCHEMA}/EventCancelled",
    EventStatus.POSTPONED: f"{SCHEMA}/EventPostponed",
}


def organisation(org):
    if org is None:
        return None
    return {
        "@type": "GovernmentOrganization" if org.kind in ("ministry", "municipality") else "Organization",
        "name": org.name,
        "alternateName": org.short_name,
        "url": org.website,
    }


def place(venue):
    if venue is None:
        return None
    return {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postal_code,
            "addressLocality": venue.locality,
            "addressRegion": venue.region.display_name if venue.region_id and venue.region else "",
            "addressCountry": venue.country.code if venue.country_id else "",
        },
    }


def event(page, request=None, venue=None, organiser=None):
    """schema.org Event; ``venue`` and ``organiser`` may be passed already localized."""
    page_url = page.get_full_url(request)
    venue = venue if venue is not None else (page.venue if page.venue_id else None)
    organiser = organiser if organiser is not None else (page.organiser if page.organiser_id else None)
    locations = []
    if page.is_on_site:
        locations.append(place(venue))
    if page.is_online:
        # The access link itself only where the editor made it public; otherwise the event page.
        locations.append({"@type": "VirtualLocation", "url": page.public_online_url or page_url})
    locations = [location for location in locations if location]
    languages = [bcp47(code) for code in page.languages] or [content_language_tag(page)]
    facts = page.source_version  # status, deadline and capacity count from the source language
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page_url,
        "startDate": page.zoned_start.isoformat(),
        "endDate": page.zoned_end.isoformat(),
        "eventStatus": EVENT_STATUSES.get(facts.status, f"{SCHEMA}/EventScheduled"),
        "eventAttendanceMode": ATTENDANCE_MODES.get(page.event_format),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organisation(organiser),
        "inLanguage": languages[0] if len(languages) == 1 else languages,
    }
    if page.registration_url and page.external_registration_is_open:
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "validThrough": facts.zoned_registration_deadline.isoformat() if facts.registration_deadline else None,
        }
    if facts.capacity:
        data["maximumAttendeeCapacity"] = facts.capacity
    return data


def funding_scheme(programme, organisation_roles=(), request=None):
    """The programme as a schema.org FundingScheme; the commissioning body is its funder."""
    commissioned = str(ProgrammeOrganisation.Role.COMMISSIONED_BY.label)
    funders = [org for role, org in organisation_roles if role == commissioned]
    others = [org for role, org in organisation_roles if role != commissioned]
    return {
        "@context": SCHEMA,
        "@type": "FundingScheme",
        "name": programme.title,
        "description": programme.summary,
        "url": programme.get_full_url(request),
        "funder": [organisation(org) for org in funders],
        "sponsor": [organisation(org) for org in others],
    }


def call_page(page, request=None, programme=None):
    """A call is a WebPage (schema.org has no call type), about the programme that runs it."""
    data = {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": content_language_tag(page),
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "expires": page.zoned_deadline.isoformat() if page.deadline else None,
    }
    if programme is not None:
        about = funding_scheme(programme, request=request)
        about.pop("@context")
        data["about"] = about
    return data
