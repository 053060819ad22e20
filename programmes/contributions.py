"""What the programmes app contributes to the platform (cms/platform.py)."""

from cms.platform import PageType, register

from . import api
from .models import (
    CallForParticipationPage,
    CallIndexPage,
    EventIndexPage,
    EventPage,
    PartnershipIndexPage,
    ProgrammePage,
    ProgrammePhasePage,
    TopicIndexPage,
    TopicPage,
)

register(
    PageType(ProgrammePage, api=api.PROGRAMME),
    PageType(ProgrammePhasePage, api=api.PROGRAMME_PHASE),
    PageType(TopicIndexPage, api=api.INTRO),
    PageType(TopicPage, api=api.TOPIC_PAGE),
    PageType(CallIndexPage, api=api.INTRO),
    PageType(EventIndexPage, api=api.INTRO),
    PageType(PartnershipIndexPage, api=api.PARTNERSHIP_INDEX),
    PageType(CallForParticipationPage, api=api.CALL),
    PageType(EventPage, api=api.EVENT),
)
