from .calls import CallForParticipationPage, CallStatus
from .events import EventFormat, EventPage, EventSchedule, EventStatus
from .indexes import CallIndexPage, EventIndexPage, PartnershipIndexPage
from .partnerships import Partnership, PartnershipStatus
from .programme import PhaseStatus, ProgrammeOrganisation, ProgrammePage, ProgrammePhasePage
from .reference import ApplicantType, ContactPoint, Country, Organisation, Region, Venue
from .topics import TopicIndexPage, TopicPage

__all__ = [
    "ApplicantType",
    "CallForParticipationPage",
    "CallIndexPage",
    "CallStatus",
    "ContactPoint",
    "Country",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventSchedule",
    "EventStatus",
    "Organisation",
    "Partnership",
    "PartnershipIndexPage",
    "PartnershipStatus",
    "PhaseStatus",
    "ProgrammeOrganisation",
    "ProgrammePage",
    "ProgrammePhasePage",
    "Region",
    "TopicIndexPage",
    "TopicPage",
    "Venue",
]
