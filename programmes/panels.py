"""Dashboard panels for calls and events (registered in wagtail_hooks.py).

Who sees what: the call deadlines are for those who may edit German pages (Redaktion, Freigabe,
Administratoren); the upcoming events also for those who see registrations (Programmteam), without
edit links they could not use. Registrations come from the "event_registration_counts" Service (the
participation app's); without it the events panel shows the capacity only.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from cms.dashboard import DashboardPanel, can_edit_source_pages, edit_url, source_pages, with_moderation_status
from cms.platform import registry

from .models import CallForParticipationPage, EventPage

DEADLINE_WINDOW = datetime.timedelta(days=14)
EVENTS_SHOWN = 10
REGISTRATIONS_SERVICE = "event_registration_counts"


@dataclass(frozen=True)
class EventRegistrations:
    """The implementation of the "event_registration_counts" Service."""

    counts: Callable  # (events) -> {event pk: object with .confirmed and .waiting}, in one query
    visible_to: Callable  # (user) -> whether the user may see registrations


class CallDeadlinesPanel(DashboardPanel):
    """Calls whose deadline falls in the next 14 days, soonest first."""

    name = "call_deadlines"
    order = 230
    template_name = "programmes/panels/call_deadlines.html"

    def calls(self, now=None):
        now = now or timezone.now()
        calls = source_pages(
            CallForParticipationPage.objects.filter(deadline__gte=now, deadline__lt=now + DEADLINE_WINDOW)
        )
        calls = calls.only("id", "title", "draft_title", "live", "has_unpublished_changes", "deadline", "time_zone")
        return list(with_moderation_status(calls).order_by("deadline", "pk"))

    def get_context(self):
        calls = self.calls()
        for call in calls:
            call.edit_url = edit_url(call) if self.can_edit else None
        return {"calls": calls, "days": DEADLINE_WINDOW.days}


def registration_counts(events):
    """{event id: (confirmed, waiting)} in one query, or None without the registrations service."""
    registrations = registry.service(REGISTRATIONS_SERVICE)
    if registrations is None:
        return None
    return {event_id: (value.confirmed, value.waiting) for event_id, value in registrations.counts(events).items()}


class UpcomingEventsPanel(DashboardPanel):
    """The next events, with registrations against capacity where the registrations service is there."""

    name = "upcoming_events"
    order = 240
    template_name = "programmes/panels/upcoming_events.html"

    def events(self, now=None):
        events = source_pages(EventPage.objects.filter(end__gt=now or timezone.now()))
        # Full rows: the registrations service reads fields of its own choosing (translation_key, capacity).
        return list(with_moderation_status(events).order_by("start", "pk")[:EVENTS_SHOWN])

    def get_context(self):
        events = self.events()
        counts = registration_counts(events) if events else None
        for event in events:
            event.edit_url = edit_url(event) if self.can_edit else None
            event.confirmed, event.waiting = (counts or {}).get(event.pk, (0, 0))
            event.is_full = bool(event.capacity) and event.confirmed >= event.capacity
        return {"events": events, "with_registrations": counts is not None}


def sees_registrations(user):
    registrations = registry.service(REGISTRATIONS_SERVICE)
    return registrations is not None and registrations.visible_to(user)


def dashboard_panels(user):
    panels = []
    if can_edit_source_pages(user):
        panels.append(CallDeadlinesPanel(user))
    if can_edit_source_pages(user) or sees_registrations(user):
        panels.append(UpcomingEventsPanel(user))
    return panels
