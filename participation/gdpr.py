"""One person's data (Art. 15, 17, 20 GDPR) and the retention purge."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from wagtail.models import ModelLogEntry

from . import services
from .models import ExpressionOfInterest, OutgoingMail, Registration, RegistrationStatus


def normalise(email):
    return (email or "").strip().lower()


def person_data(email):
    """Everything stored about the person with this e-mail address, as JSON-ready data."""
    email = normalise(email)
    registrations = Registration.objects.filter(email__iexact=email).select_related("event")
    interests = (
        ExpressionOfInterest.objects.filter(email__iexact=email)
        .select_related("call", "applicant_type", "german_state", "partner_country")
        .prefetch_related("topics")
    )
    mails = OutgoingMail.objects.filter(to__iexact=email)
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "event_registrations": [
            {
                "event": r.event.title,
                "event_start": r.event.start.isoformat(),
                "name": r.name,
                "organisation": r.organisation,
                "role": r.role,
                "email": r.email,
                "preferred_language": r.language,
                "needs": r.needs,
                "status": r.status,
                "consent_at": r.consent_at.isoformat(),
                "registered_at": r.created_at.isoformat(),
                "reminder_sent_at": r.reminder_sent_at.isoformat() if r.reminder_sent_at else None,
                "internal_note": r.internal_note,
            }
            for r in registrations
        ],
        "expressions_of_interest": [
            {
                "call": i.call.title,
                "municipality_or_company": i.organisation_name,
                "type": i.applicant_type.name if i.applicant_type else "",
                "german_land": i.german_state.code if i.german_state else "",
                "contact_person": i.contact_person,
                "email": i.email,
                "topics": [topic.title for topic in i.topics.all()],
                "preferred_partner_country": i.partner_country.code if i.partner_country else "",
                "message": i.message,
                "language": i.language,
                "status": i.status,
                "internal_note": i.internal_note,
                "consent_at": i.consent_at.isoformat(),
                "received_at": i.created_at.isoformat(),
            }
            for i in interests
        ],
        "emails_sent": [
            {"subject": m.subject, "created_at": m.created_at.isoformat(), "sent": m.sent_at is not None} for m in mails
        ],
    }


def delete_person(email):
    """Delete everything stored about this e-mail address. Held places go to the waiting list.
    Returns {kind: number deleted}."""
    email = normalise(email)
    with transaction.atomic():
        for registration in Registration.objects.filter(email__iexact=email, status=RegistrationStatus.CONFIRMED):
            services.release_place(registration)
        forget_in_audit_log(Registration, Registration.objects.filter(email__iexact=email).values_list("pk", flat=True))
        forget_in_audit_log(
            ExpressionOfInterest, ExpressionOfInterest.objects.filter(email__iexact=email).values_list("pk", flat=True)
        )
        counts = {
            "registrations": Registration.objects.filter(email__iexact=email)
            .delete()[1]
            .get("participation.Registration", 0),
            "expressions_of_interest": ExpressionOfInterest.objects.filter(email__iexact=email)
            .delete()[1]
            .get("participation.ExpressionOfInterest", 0),
            # No mail about the deleted data may leave afterwards, and none stays stored.
            "emails": OutgoingMail.objects.filter(to__iexact=email).delete()[0],
        }
    return counts


def forget_in_audit_log(model, ids):
    """Keep the admin's history of who did what and when, but no longer whose submission it was.

    Wagtail labels log entries with the object's name, here "name (e-mail)", and keeps them after
    the object is deleted.
    """
    ids = [str(pk) for pk in ids]
    if not ids:
        return
    entries = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    entries.update(label=Concat(Value(f"{model._meta.verbose_name} #"), F("object_id")), data={})


def retention_cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=settings.PARTICIPATION_RETENTION_DAYS)


def expired(now=None):
    """Querysets of what is past its retention period:
    registrations — the days after the event's end; expressions of interest — the days after the
    call's deadline or their last change (status or note), whichever is later, so nothing is
    deleted before the team could review it (while a call is open its deadline is in the future);
    e-mails in the outbox — the days after they were written."""
    cutoff = retention_cutoff(now)
    return {
        "registrations": Registration.objects.filter(event__end__lt=cutoff),
        "expressions_of_interest": ExpressionOfInterest.objects.filter(
            updated_at__lt=cutoff, call__deadline__lt=cutoff
        ),
        "emails": OutgoingMail.objects.filter(created_at__lt=cutoff),
    }


def purge(now=None, dry_run=False):
    """Delete expired submissions. Returns {kind: [(id, description)]} of what was (or would be) removed."""
    removed = {}
    with transaction.atomic():
        for kind, queryset in expired(now).items():
            if kind == "registrations":
                queryset = queryset.select_related("event")
                described = [(r.pk, f"{r.event.title} ({r.event.end:%Y-%m-%d}): {r.status}") for r in queryset]
            elif kind == "expressions_of_interest":
                queryset = queryset.select_related("call")
                described = [
                    (i.pk, f"{i.call.title} (deadline {i.call.deadline:%Y-%m-%d}): {i.status}, {i.updated_at:%Y-%m-%d}")
                    for i in queryset
                ]
            else:
                described = [(m.pk, f"{m.created_at:%Y-%m-%d}, {'sent' if m.sent_at else 'unsent'}") for m in queryset]
            removed[kind] = described
            if not dry_run:
                ids = [pk for pk, _ in described]
                forget_in_audit_log(queryset.model, ids)
                queryset.model.objects.filter(pk__in=ids).delete()
    return removed
