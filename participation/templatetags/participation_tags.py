"""Forms on event and call pages. Their CSRF token and submission token are per visitor: the page cache
(cms/page_cache) puts fresh ones into a cached page on every hit and keeps such pages out of CDNs and
browser caches."""

from django import template
from django.urls import reverse
from django.utils import timezone

from cms import content_cache, page_cache

from .. import services
from ..forms import InterestForm, RegistrationForm, privacy_policy_url
from ..stats import registration_counts

register = template.Library()


def _bound_form(request, kind, page):
    """The form the visitor just sent with errors (set by the view), if it is for this page."""
    sent = getattr(request, "participation_form", None)
    if sent and sent[0] == kind and sent[1] == page.pk:
        return sent[2]
    return None


@register.inclusion_tag("participation/event_registration.html", takes_context=True)
def event_registration(context, page):
    request = context.get("request")
    # Dates, schedule, deadline and capacity count from the source-language page, as the view does:
    # a translation keeps its own copies of them until it is synchronised.
    event = services.source_page(page)
    show = services.offers_on_site_registration(event) and event.status in ("upcoming", "ongoing")
    is_open = show and services.on_site_registration_open(event)
    free_places = None
    form = None
    if is_open:
        page_cache.depends_on(request, "event-places", event.pk)  # see ParticipationConfig.ready
        counts = registration_counts([event])[event.pk]
        free_places = counts.free
        form = _bound_form(request, "event", page) or RegistrationForm(
            privacy_url=privacy_policy_url(request), initial={"submission_token": page_cache.unique_token(request)}
        )
    return {
        "show": show,
        "is_open": is_open,
        "event": event,
        "free_places": free_places,
        "form": form,
        "action": reverse("participation:register", args=[page.pk]),
    }


@register.inclusion_tag("participation/call_interest.html", takes_context=True)
def call_interest(context, page, eligible_types, topics, countries):
    request = context.get("request")
    # Opening and deadline of the source-language call, as the view checks them.
    call = services.source_page(page)
    status = call.status_at(timezone.now())
    form = None
    if status == "open":
        form = _bound_form(request, "call", page) or InterestForm(
            initial={"submission_token": page_cache.unique_token(request)},
            eligible_types=eligible_types,
            topics=topics,
            # Reference data: kept until content changes (cms/content_cache.py).
            countries=countries or content_cache.cached("partner-countries", (), services.default_partner_countries),
            german_states=content_cache.cached("german-states", (), services.german_states),
            privacy_url=privacy_policy_url(request),
        )
    return {
        "status": status,
        "call": call,
        "form": form,
        "action": reverse("participation:interest", args=[page.pk]),
    }
