"""What happens to a submission: places, the waiting list, cancellations and the e-mails.

Every change runs in one transaction that also writes its e-mails to the outbox; the e-mails
leave only after the commit (see ``mail.queue_mail``).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from cms import public_url
from cms.localization import localize_all, source_version
from programmes.calendar import event_file
from programmes.models import CallStatus, Country, EventSchedule, Region

from .mail import queue_mail, render_mail
from .models import EventCapacity, ExpressionOfInterest, Registration, RegistrationStatus

# A repeated registration reminds the address holder at most this often (the form is public: anyone
# can type an address in, and must not be able to flood it).
REMINDER_INTERVAL = timedelta(hours=24)


class EventStarted(Exception):
    """The event has begun: a registration can no longer be cancelled and nobody moves up."""


def source_page(page):
    """The version of ``page`` in the source language: submissions from every language count together."""
    return source_version(page)


def offers_on_site_registration(event):
    """On-site registration is offered for every event that has no external registration link."""
    return not event.registration_url


def on_site_registration_open(event, moment=None):
    """The platform's registration form takes registrations for ``event`` (one without an external link)."""
    moment = moment or timezone.now()
    return (
        offers_on_site_registration(event)
        and event.schedule == EventSchedule.AS_PLANNED
        and moment < event.registration_closes_at
    )


def has_started(event, moment=None):
    return (moment or timezone.now()) >= event.start


def waiting_list_moves(event, moment=None):
    """People move up from the waiting list until the event starts, also after the registration
    deadline (they registered in time), but not once it has begun or when it is cancelled."""
    return event.schedule != EventSchedule.CANCELLED and not has_started(event, moment)


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
            # Say so to the address holder only (the visitor may not be that person), once a day at most.
            now = timezone.now()
            if existing.reminder_sent_at is None or existing.reminder_sent_at <= now - REMINDER_INTERVAL:
                existing.reminder_sent_at = now
                existing.save(update_fields=["reminder_sent_at"])
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


def promote_waiting(event, exclude=None):
    """Move people up from the waiting list into free places (oldest first), unless the event has
    started or is cancelled. Call with the event locked. ``exclude``: a registration the team has
    just put on the waiting list on purpose."""
    if not waiting_list_moves(event):
        return []
    free = free_places(event)
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    if exclude is not None:
        waiting = waiting.exclude(pk=exclude)
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        queue_registration_mail(registration, "registration_promoted")
    return promoted


@dataclass
class CancelResult:
    cancelled: bool  # False: it was cancelled already, nothing changed and no e-mail was sent
    promoted: list = field(default_factory=list)


def cancel(registration, by_team=False):
    """Cancel a registration; the next person on the waiting list moves up.

    Raises ``EventStarted`` once the event has begun: a place freed then helps nobody, and the
    waiting list must not be told "a place is free" for an event that is under way or over.
    """
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return CancelResult(cancelled=False)
        if has_started(registration.event):
            raise EventStarted
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        queue_registration_mail(registration, "registration_cancelled_by_team" if by_team else "registration_cancelled")
        return CancelResult(cancelled=True, promoted=promote_waiting(registration.event))


def release_place(registration):
    """Before a registration is deleted: its place goes to the waiting list (while that still moves).
    No e-mail to the person: their data is about to go, a link in a mail would lead nowhere."""
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return []
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        return promote_waiting(registration.event)


# The e-mail a person gets when the team sets their registration to a status, by (previous, new) status.
STATUS_MAILS = {
    (RegistrationStatus.WAITING, RegistrationStatus.CONFIRMED): "registration_promoted",
    (RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED): "registration_confirmed",
    (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING): "registration_waiting",
    (RegistrationStatus.CANCELLED, RegistrationStatus.WAITING): "registration_waiting",
    (RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED): "registration_cancelled_by_team",
    (RegistrationStatus.WAITING, RegistrationStatus.CANCELLED): "registration_cancelled_by_team",
}


def status_changed(registration, previous_status):
    """After the team changed a status in the admin (validated by the admin form, see
    ``wagtail_hooks.RegistrationAdminForm``): tell the person, with the join link and .ics for a
    place, and keep places and the waiting list consistent. Returns those who moved up."""
    if previous_status == registration.status:
        return []
    with transaction.atomic():
        lock_event(registration.event)
        template = STATUS_MAILS.get((previous_status, registration.status))
        if template:
            queue_registration_mail(registration, template)
        # Someone the team puts on the waiting list stays there, even if a place is free.
        exclude = registration.pk if registration.status == RegistrationStatus.WAITING else None
        return promote_waiting(registration.event, exclude=exclude)


def other_active_registration(registration):
    """Another registration of the same address for the same event that is not cancelled, if any."""
    return (
        Registration.objects.filter(event_id=registration.event_id, email=registration.email)
        .exclude(status=RegistrationStatus.CANCELLED)
        .exclude(pk=registration.pk)
        .first()
    )


def submissions_on_pages(page_ids):
    """(registrations, expressions of interest) that belong to these pages: they protect them from deletion."""
    return (
        Registration.objects.filter(event_id__in=page_ids).count(),
        ExpressionOfInterest.objects.filter(call_id__in=page_ids).count(),
    )


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
        # The same event as in the public calendars (one UID), with the join link for this person.
        with translation.override(registration.language):
            venue = event.venue.localized if event.venue_id and event.venue else None
            ics = event_file(page, venue, private_join_url=context["join_url"])
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
        topics = list(data.get("topics") or [])
        interest.topics.set(topics)
        page = localized_page(call, language)
        # The stored choices are the source-language rows: the e-mail names them in the person's language.
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        applicant_type = localize_all([interest.applicant_type], locale=locale)[0] if interest.applicant_type else None
        topics = localize_all(topics, locale=locale)
        subject, body = render_mail(
            "interest_received",
            language,
            {
                "interest": interest,
                "call": call,
                "page": page,
                "page_url": page.full_url or "",
                "applicant_type": applicant_type,
                "topics": topics,
            },
        )
        queue_mail(interest.email, subject, body)
    return interest, "created"


def absolute(path):
    """An absolute URL on the default site (e-mails have no request to take the host from)."""
    return public_url.absolute(path)
