"""Dashboard panels that show editors what needs doing.

Each panel runs a fixed number of queries, however much content there is (tests pin the counts).
Registrations and submissions come from the participation app when it is installed; without it the
events panel shows the capacity only and the submissions panel is left out.

Who sees what: the call deadlines are for those who may edit German pages (Redaktion, Freigabe,
Administratoren); the upcoming events also for those who see registrations (Programmteam), without
edit links they could not use. Translators get neither: they work on the translation queue (shown to
everyone who may translate).
"""

import datetime
from importlib import import_module

from django.apps import apps
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Revision, WorkflowState

from cms.languages import default_language
from programmes.models import CallForParticipationPage, EventPage

from .translation_queue import STATES, queue_counts, translation_queue

DEADLINE_WINDOW = datetime.timedelta(days=14)
EVENTS_SHOWN = 10
NEW_REGISTRATIONS_SINCE = datetime.timedelta(days=7)


def _source_pages(queryset):
    """German originals only: their translations and aliases share the dates."""
    return queryset.filter(locale__language_code=default_language(), alias_of__isnull=True)


def with_moderation_status(queryset):
    """Annotate ``in_moderation`` and ``scheduled`` in the same query (Wagtail's status queries per page)."""
    is_page = Q(base_content_type__app_label="wagtailcore", base_content_type__model="page")
    object_id = Cast(OuterRef("pk"), CharField())
    return queryset.annotate(
        in_moderation=Exists(
            WorkflowState.objects.filter(is_page, object_id=object_id, status=WorkflowState.STATUS_IN_PROGRESS)
        ),
        scheduled=Exists(Revision.objects.filter(is_page, object_id=object_id, approved_go_live_at__isnull=False)),
    )


_CAN_EDIT_ATTRIBUTE = "_kz_can_edit_source_pages"


def can_edit_source_pages(user):
    """Whether ``user`` may edit German pages (a grant on the German tree or the tree root). One query,
    cached on the user object for the request."""
    if user.is_superuser:
        return True
    if not hasattr(user, _CAN_EDIT_ATTRIBUTE):
        grants = GroupPagePermission.objects.filter(group__user=user, permission__codename="change_page")
        value = grants.filter(Q(page__depth=1) | Q(page__locale__language_code=default_language())).exists()
        setattr(user, _CAN_EDIT_ATTRIBUTE, value)
    return getattr(user, _CAN_EDIT_ATTRIBUTE)


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class DashboardPanel(Component):
    template_name = None

    def __init__(self, user):
        self.user = user
        # Asked here, not while rendering: the render's query count stays the panel's own.
        self.can_edit = can_edit_source_pages(user)

    def get_context(self):
        raise NotImplementedError

    def render_html(self, parent_context=None):
        return render_to_string(self.template_name, self.get_context())


class CallDeadlinesPanel(DashboardPanel):
    """Calls whose deadline falls in the next 14 days, soonest first."""

    name = "call_deadlines"
    order = 230
    template_name = "editorial/panels/call_deadlines.html"

    def calls(self, now=None):
        now = now or timezone.now()
        calls = _source_pages(
            CallForParticipationPage.objects.filter(deadline__gte=now, deadline__lt=now + DEADLINE_WINDOW)
        )
        calls = calls.only("id", "title", "draft_title", "live", "has_unpublished_changes", "deadline", "time_zone")
        return list(with_moderation_status(calls).order_by("deadline", "pk"))

    def get_context(self):
        calls = self.calls()
        for call in calls:
            call.edit_url = _edit_url(call) if self.can_edit else None
        return {"calls": calls, "days": DEADLINE_WINDOW.days}


def registration_counts(events):
    """{event id: (confirmed, waiting)} from ``participation.stats`` (one query), or None without participation."""
    if not apps.is_installed("participation"):
        return None
    # Imported by name: the dashboard works without the participation app.
    counts = import_module("participation.stats").registration_counts(events)
    return {event_id: (value.confirmed, value.waiting) for event_id, value in counts.items()}


class UpcomingEventsPanel(DashboardPanel):
    """The next events, with registrations against capacity once the participation app is installed."""

    name = "upcoming_events"
    order = 240
    template_name = "editorial/panels/upcoming_events.html"

    def events(self, now=None):
        events = _source_pages(EventPage.objects.filter(end__gt=now or timezone.now()))
        # Full rows: participation.stats reads fields of its own choosing (translation_key, capacity).
        return list(with_moderation_status(events).order_by("start", "pk")[:EVENTS_SHOWN])

    def get_context(self):
        events = self.events()
        counts = registration_counts(events) if events else None
        for event in events:
            event.edit_url = _edit_url(event) if self.can_edit else None
            event.confirmed, event.waiting = (counts or {}).get(event.pk, (0, 0))
            event.is_full = bool(event.capacity) and event.confirmed >= event.capacity
        return {"events": events, "with_registrations": counts is not None}


class NewSubmissionsPanel(DashboardPanel):
    """New expressions of interest and recent event registrations, for those who may see them."""

    name = "new_submissions"
    order = 260
    template_name = "editorial/panels/new_submissions.html"

    def rows(self, now=None):
        now = now or timezone.now()
        rows = []
        for model_name, filters in (
            ("expressionofinterest", {"status": "new"}),
            ("registration", {"created_at__gte": now - NEW_REGISTRATIONS_SINCE}),
        ):
            try:
                model = apps.get_model("participation", model_name)
            except LookupError:
                continue
            if not self.user.has_perm(f"participation.view_{model_name}"):
                continue
            rows.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "count": model._default_manager.filter(**filters).count(),
                    "url": _listing_url(model),
                    "by_status": "status" in filters,
                }
            )
        return rows

    def get_context(self):
        return {"rows": self.rows(), "days": NEW_REGISTRATIONS_SINCE.days}

    def render_html(self, parent_context=None):
        context = self.get_context()
        return render_to_string(self.template_name, context) if context["rows"] else ""


def _listing_url(model):
    """The model's admin listing, whether it is registered as a snippet or a ModelViewSet."""
    meta = model._meta
    for name in (f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list", f"{meta.model_name}:index"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    viewset = getattr(model, "snippet_viewset", None)
    return reverse(viewset.get_url_name("list")) if viewset else None


class TranslationQueuePanel(DashboardPanel):
    """Per language: how many pages and snippets are new, outdated or in progress, linked to the report."""

    name = "translation_queue"
    order = 245
    template_name = "editorial/translation_queue_panel.html"

    def get_context(self):
        return {
            "counts": queue_counts(translation_queue(self.user)),
            "states": list(STATES.items()),
            "report_url": reverse("editorial:translation_queue"),
        }


def sees_registrations(user):
    return apps.is_installed("participation") and user.has_perm("participation.view_registration")


def dashboard_panels(user):
    panels = []
    if can_edit_source_pages(user):
        panels.append(CallDeadlinesPanel(user))
    if can_edit_source_pages(user) or sees_registrations(user):
        panels.append(UpcomingEventsPanel(user))
    if user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationQueuePanel(user))
    if apps.is_installed("participation"):
        panels.append(NewSubmissionsPanel(user))
    return panels
