"""What happens to a submission: places, the waiting list, cancellations and the e-mails.

Every change runs in one transaction that also writes its e-mails to the outbox; the e-mails
leave only after the commit (see ``mail.queue_mail``).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from cms.request_cache import memo
from programmes.models import CallStatus, Country, EventSchedule, Region

from .ics import event_ics
from .mail import queue_mail, render_mail
from .models import EventCapacity, ExpressionOfInterest, Registration, RegistrationStatus


def source_page(page):
    """The version of ``page`` in the source language: submissions from every language count together."""
    default = memo("default_locale", Locale.get_default)
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def offers_registration(event):
    """On-site registration is offered for every event that has no external registration link."""
    return not event.registration_url


def registration_open(event, moment=None):
    moment = moment or timezone.now()
    return (
        offers_registration(event)
        and event.schedule == EventSchedule.AS_PLANNED
        and moment < event.registration_closes_at
    )


def call_open(call, moment=None):
    return call.status_at(moment or timezone.now()) == CallStatus.OPEN


def default_partner_countries():
    """Partner countries to offer when a call names none: the programme's Maghreb countries."""
    return list(Country.objects.filter(code__in=("DZ", "MA", "TN")))


def german_states():
    return sorted(Region.objects.filter(country__code="DE"), key=lambda region: region.display_name)


def lock_event(event):
    """Serialise the hand-out of places for one event until the transaction ends.

    An UPDATE is the first statement: on PostgreSQL it locks the row, on SQLite it takes the
    database's write lock at once (a read first would make SQLite fail instead of wait). The
    SELECT … FOR UPDATE then reads the locked row.
    """
    if not EventCapacity.objects.filter(pk=event.pk).update(lock_count=F("lock_count") + 1):
        try:
            with transaction.atomic():
                EventCapacity.objects.create(event_id=event.pk, lock_count=1)
        except IntegrityError:  # created by a concurrent registration a moment ago
            EventCapacity.objects.filter(pk=event.pk).update(lock_count=F("lock_count") + 1)
    return EventCapacity.objects.select_for_update().get(pk=event.pk)


@dataclass
class RegistrationResult:
    registration: Registration
    outcome: str  # "created", "resubmitted" (same form sent twice) or "duplicate" (e-mail already registered)


def register(event, data, submission_token):
    """Register for ``event`` (the source-language page). ``data`` holds the cleaned form fields."""
    email = data["email"].strip().lower()
    with transaction.atomic():
        lock_event(event)
        earlier = Registration.objects.filter(submission_token=submission_token).first()
        if earlier is not None:
            return RegistrationResult(earlier, "resubmitted")
        existing = Registration.objects.filter(event=event, email=email).exclude(status=RegistrationStatus.CANCELLED)
        existing = existing.first()
        if existing is not None:
            # Say so to the address holder only: the visitor may not be that person.
            queue_registration_mail(existing, "registration_reminder")
            return RegistrationResult(existing, "duplicate")
        promote_waiting(event)
        status = RegistrationStatus.CONFIRMED if free_places(event) != 0 else RegistrationStatus.WAITING
        registration = Registration.objects.create(
            event=event,
            name=data["name"],
            organisation=data["organisation"],
            role=data.get("role", ""),
            email=email,
            language=data["language"],
            needs=data.get("needs", ""),
            consent_at=timezone.now(),
            status=status,
            submission_token=submission_token,
        )
        queue_registration_mail(
            registration,
            "registration_confirmed" if status == RegistrationStatus.CONFIRMED else "registration_waiting",
        )
    return RegistrationResult(registration, "created")


def confirmed_count(event):
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def free_places(event):
    """Places left, or None if the event has no capacity limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed_count(event), 0)


def promote_waiting(event):
    """Move people up from the waiting list into free places (oldest first). Call with the event locked."""
    free = free_places(event)
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        queue_registration_mail(registration, "registration_promoted")
    return promoted


def cancel(registration, by_team=False):
    """Cancel a registration; the next person on the waiting list moves up. Returns those promoted."""
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return []
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        queue_registration_mail(registration, "registration_cancelled_by_team" if by_team else "registration_cancelled")
        return promote_waiting(registration.event)


def status_changed(registration, previous_status):
    """After the team changed a status in the admin: keep places and the waiting list consistent."""
    if previous_status == registration.status:
        return []
    with transaction.atomic():
        lock_event(registration.event)
        if registration.status == RegistrationStatus.CANCELLED:
            queue_registration_mail(registration, "registration_cancelled_by_team")
        return promote_waiting(registration.event)


def localized_page(event, language):
    """The live version of the page in ``language`` if there is one (else the page itself)."""
    page = (
        Page.objects.live()
        .public()
        .filter(translation_key=event.translation_key, locale__language_code=language)
        .specific()
        .first()
    )
    return page or event


def queue_registration_mail(registration, template):
    event = registration.event
    page = localized_page(event, registration.language)
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    with translation.override(registration.language):
        status_url = absolute(reverse("participation:registration", args=[registration.token]))
    context = {
        "registration": registration,
        "event": event,
        "page": page,
        "page_url": page.full_url or "",
        "status_url": status_url,
        # The join link goes only to people with a place, only in this e-mail.
        "join_url": event.online_url if confirmed and event.is_online else "",
        "venue": event.venue.localized if event.venue_id and event.venue else None,
    }
    subject, body = render_mail(template, registration.language, context)
    attachments = []
    if confirmed and template in ("registration_confirmed", "registration_promoted", "registration_reminder"):
        ics = event_ics(page, page.full_url or "", include_join_link=True)
        attachments.append(("event.ics", ics, "text/calendar"))
    return queue_mail(registration.email, subject, body, attachments)


def submit_interest(call, data, submission_token, language):
    with transaction.atomic():
        earlier = ExpressionOfInterest.objects.filter(submission_token=submission_token).first()
        if earlier is not None:
            return earlier, "resubmitted"
        interest = ExpressionOfInterest.objects.create(
            call=call,
            organisation_name=data["organisation_name"],
            applicant_type=data["applicant_type"],
            german_state=data["german_state"],
            contact_person=data["contact_person"],
            email=data["email"].strip().lower(),
            partner_country=data.get("partner_country"),
            message=data.get("message", ""),
            language=language,
            consent_at=timezone.now(),
            submission_token=submission_token,
        )
        interest.topics.set(data.get("topics") or [])
        page = localized_page(call, language)
        subject, body = render_mail(
            "interest_received",
            language,
            {"interest": interest, "call": call, "page": page, "page_url": page.full_url or ""},
        )
        queue_mail(interest.email, subject, body)
    return interest, "created"


def absolute(path):
    """An absolute URL on the default site (e-mails have no request to take the host from)."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "") + path
