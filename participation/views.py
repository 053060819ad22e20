"""Public views: receive the forms shown on event and call pages, confirm, cancel.

Every response here is private (never cached) and not indexed (see ``middleware``).
"""

import logging
import math

from django.conf import settings
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programmes.models import CallForParticipationPage, EventPage

from . import services
from .forms import InterestForm, RegistrationForm, active_language, is_bot, privacy_policy_url
from .models import ExpressionOfInterest, Registration, RegistrationStatus
from .ratelimit import allow_submission

logger = logging.getLogger(__name__)


def _private(request):
    request.participation_private = True
    request.participation_noindex = True


def message(request, title, text, status=200, back=None):
    return TemplateResponse(
        request, "participation/message.html", {"title": title, "text": text, "back": back}, status=status
    )


def _guard(request, page):
    """Responses every submission may get before its form is looked at (None if it may go on)."""
    if not allow_submission(request):
        minutes = math.ceil(settings.PARTICIPATION_RATE_LIMIT_WINDOW / 60)
        response = message(
            request,
            _("Too many submissions"),
            ngettext(
                "You have sent this form too often in a short time. Please wait %(minutes)s minute and try again.",
                "You have sent this form too often in a short time. Please wait %(minutes)s minutes and try again.",
                minutes,
            )
            % {"minutes": minutes},
            status=429,
            back=page,
        )
        # The whole window: the count may have started earlier, but never later (RFC 9110, 10.2.3).
        response["Retry-After"] = str(settings.PARTICIPATION_RATE_LIMIT_WINDOW)
        return response
    if is_bot(request.POST):
        logger.info("Participation form: honeypot filled, submission ignored.")
        return message(
            request,
            _("Your submission could not be accepted"),
            _("The form contained a field that people do not fill in. If you are a person, please reload the page."),
            status=400,
            back=page,
        )
    return None


def _receive(request, model, page_id, anchor):
    """The live public page a form was sent from, and the answer to give instead of processing it, if any.

    Anything but a POST goes back to the form on the page; a POST may still be refused by ``_guard``.
    """
    _private(request)
    page = get_object_or_404(model.objects.live().public(), pk=page_id)
    if request.method != "POST":
        return page, redirect(page.url + anchor)
    return page, _guard(request, page)


def _expired(request, page):
    """The answer when a form's one-time token belongs to another submission (the form was reused)."""
    return message(
        request,
        _("The form has expired"),
        _("The form has expired. Please reload the page and send it again."),
        status=400,
        back=page,
    )


def _serve_with_errors(request, kind, page, form):
    """The page again, with the form and its error messages in place."""
    request.participation_form = (kind, page.pk, form)
    response = page.serve(request)
    response.status_code = 400
    return response


def register(request, page_id):
    page, refused = _receive(request, EventPage, page_id, "#registration")
    if refused:
        return refused
    event = services.source_page(page)
    if not services.on_site_registration_open(event):
        return message(
            request, _("Registration is closed"), _("Registration for this event is closed."), status=400, back=page
        )
    form = RegistrationForm(request.POST, privacy_url=privacy_policy_url(request))
    if not form.is_valid():
        return _serve_with_errors(request, "event", page, form)
    token = form.cleaned_data["submission_token"]
    email = form.cleaned_data["email"].strip().lower()
    try:
        result = services.register(event, form.cleaned_data, token)
    except IntegrityError:
        # A concurrent request with the same form or e-mail won the insert: answer as it would.
        registration = Registration.objects.filter(submission_token=token).first()
        result = services.RegistrationResult(registration, "resubmitted") if registration else None
        if result is None:
            registration = Registration.objects.filter(event=event, email=email).exclude(
                status=RegistrationStatus.CANCELLED
            )
            result = services.RegistrationResult(registration.first(), "duplicate")
            if result.registration is None:
                raise
    if result.outcome == "duplicate":
        # Neutral: whoever typed the address must not learn from this page that it is registered.
        return message(
            request,
            _("Please check your e-mail"),
            _(
                "If this e-mail address is already registered for this event, nothing has changed and a reminder "
                "with the link to view or cancel the registration goes to it (at most once a day)."
            ),
            back=page,
        )
    if result.registration.email != email:
        return _expired(request, page)
    return redirect(reverse("participation:registration", args=[result.registration.token]), permanent=False)


def registration_status(request, token):
    _private(request)
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    page = services.localized_page(registration.event, active_language())
    return TemplateResponse(
        request,
        "participation/registration_status.html",
        {
            "registration": registration,
            "event_page": page,
            "statuses": RegistrationStatus,
            "can_cancel": not services.has_started(registration.event),
        },
    )


def cancel_registration(request, token):
    _private(request)
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    if request.method != "POST":
        return redirect(reverse("participation:registration", args=[token]))
    page = services.localized_page(registration.event, active_language())
    try:
        result = services.cancel(registration)
    except services.EventStarted:
        return message(
            request,
            _("The event has already begun"),
            _(
                "A registration can only be cancelled before the event begins. If you have a question, please "
                "contact the programme team named on the event page."
            ),
            status=400,
            back=page,
        )
    if not result.cancelled:
        return message(
            request,
            _("Registration already cancelled"),
            _("This registration had already been cancelled. Nothing has changed."),
            back=page,
        )
    return message(
        request,
        _("Registration cancelled"),
        _("Your registration has been cancelled. We have sent you a confirmation by e-mail."),
        back=page,
    )


def express_interest(request, page_id):
    page, refused = _receive(request, CallForParticipationPage, page_id, "#interest")
    if refused:
        return refused
    call = services.source_page(page)
    if not services.call_open(call):
        return message(
            request,
            _("The call is not open"),
            _("Expressions of interest can only be sent while the call is open. The dates are shown on its page."),
            status=400,
            back=page,
        )
    context = page.get_context(request)
    form = InterestForm(
        request.POST,
        eligible_types=context["eligible_types"],
        topics=context["topics"],
        countries=context["countries"] or services.default_partner_countries(),
        german_states=services.german_states(),
        privacy_url=privacy_policy_url(request),
    )
    if not form.is_valid():
        return _serve_with_errors(request, "call", page, form)
    token = form.cleaned_data["submission_token"]
    try:
        interest, _outcome = services.submit_interest(call, form.resolve(), token, active_language())
    except IntegrityError:
        interest = ExpressionOfInterest.objects.filter(submission_token=token).first()
        if interest is None:
            raise
    if interest.email != form.cleaned_data["email"].strip().lower():
        return _expired(request, page)
    return redirect(reverse("participation:interest_status", args=[interest.token]))


def interest_status(request, token):
    _private(request)
    interest = ExpressionOfInterest.objects.select_related("call").filter(token=token).first()
    if interest is None:
        raise Http404
    page = services.localized_page(interest.call, active_language())
    return TemplateResponse(request, "participation/interest_status.html", {"interest": interest, "call_page": page})
