"""When what the programme pages show changes by itself: the page cache expires its entries then
(cms/page_cache). Call, event and phase statuses, "upcoming" lists and registration forms all follow
these instants."""

from datetime import datetime, time, timedelta

from django.db.models import Min, Q
from django.utils import timezone

from .models import CallForParticipationPage, EventPage, ProgrammePhasePage


def next_change(now):
    """The first instant after ``now`` at which a live call opens or closes, an event starts, ends or
    stops taking registrations, or a phase begins or ends (at midnight, site time); None if none will."""
    calls = CallForParticipationPage.objects.live().aggregate(
        opening=Min("opening", filter=Q(opening__gt=now)), deadline=Min("deadline", filter=Q(deadline__gt=now))
    )
    events = EventPage.objects.live().aggregate(
        start=Min("start", filter=Q(start__gt=now)),
        end=Min("end", filter=Q(end__gt=now)),
        registration=Min("registration_deadline", filter=Q(registration_deadline__gt=now)),
    )
    today = timezone.localdate(now)
    phases = ProgrammePhasePage.objects.live().aggregate(
        start=Min("start_date", filter=Q(start_date__gt=today)), end=Min("end_date", filter=Q(end_date__gte=today))
    )
    days = [day for day in (phases["start"], phases["end"] and phases["end"] + timedelta(days=1)) if day]
    midnights = [timezone.make_aware(datetime.combine(day, time.min)) for day in days]
    instants = [instant for instant in (*calls.values(), *events.values(), *midnights) if instant]
    return min(instants, default=None)
