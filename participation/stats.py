"""Figures about registrations, for the admin (and the dashboard panel of issue 7)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Registration, RegistrationStatus


@dataclass(frozen=True)
class RegistrationCounts:
    confirmed: int
    waiting: int
    cancelled: int
    capacity: int | None

    @property
    def free(self):
        """Places left, or None if the event has no capacity limit."""
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)


def registration_counts(events):
    """{event.pk: RegistrationCounts} for the given EventPages, in one query.

    Registrations belong to the source-language page; any language version (translation or alias)
    may be passed and gets the same counts. The capacity is the passed page's own: pass the source
    page (``services.source_page``) where free places are shown, since a translation's copy of the
    capacity may be out of date.
    """
    events = list(events)
    rows = (
        Registration.objects.filter(event__translation_key__in={event.translation_key for event in events})
        .values("event__translation_key")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        )
        .order_by()
    )
    by_key = {row["event__translation_key"]: row for row in rows}
    result = {}
    for event in events:
        row = by_key.get(event.translation_key, {})
        result[event.pk] = RegistrationCounts(
            confirmed=row.get("confirmed", 0),
            waiting=row.get("waiting", 0),
            cancelled=row.get("cancelled", 0),
            capacity=event.capacity,
        )
    return result
