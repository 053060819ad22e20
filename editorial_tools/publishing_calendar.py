"""The publishing calendar: what goes live and what expires from today on, day by day.

Go-live dates are those of approved scheduled revisions (pages, and snippets with scheduled
publishing), as Wagtail's own publish_scheduled command reads them; expiry dates those of live
objects. The number of queries depends on the number of models, not of entries.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import Event, vUri
from wagtail.models import DraftStateMixin, Page, Revision, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from cms.ical import build_calendar

GO_LIVE = _("Goes live")
EXPIRES = _("Expires")


@dataclass
class Entry:
    when: datetime
    kind: str  # "go-live" or "expiry"
    action: str
    obj: object

    @property
    def title(self):
        return self.obj.get_admin_display_title() if isinstance(self.obj, Page) else str(self.obj)

    @property
    def type_name(self):
        model = self.obj.specific_class if isinstance(self.obj, Page) else type(self.obj)
        return model._meta.verbose_name

    @property
    def locale(self):
        return self.obj.locale if isinstance(self.obj, TranslatableMixin) else None

    @property
    def edit_url(self):
        if isinstance(self.obj, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.obj.pk])
        meta = self.obj._meta
        return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(self.obj.pk)])


def _start_of_today():
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def _in_locale(queryset, locale):
    return queryset.filter(locale=locale) if locale is not None else queryset


def _go_live_entries(since, locale):
    revisions = list(
        Revision.objects.filter(approved_go_live_at__gte=since).only(
            "base_content_type_id", "object_id", "approved_go_live_at"
        )
    )
    by_model = defaultdict(list)
    for revision in revisions:
        by_model[revision.base_content_type_id].append(revision)
    entries = []
    for content_type_id, items in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        queryset = model._default_manager.filter(pk__in=[r.object_id for r in items])
        if issubclass(model, TranslatableMixin):
            queryset = _in_locale(queryset, locale).select_related("locale")
        objects = {str(obj.pk): obj for obj in queryset}
        entries += [
            Entry(r.approved_go_live_at, "go-live", GO_LIVE, objects[r.object_id])
            for r in items
            if r.object_id in objects
        ]
    return entries


def _expiry_entries(since, locale):
    models = [Page] + [m for m in get_snippet_models() if issubclass(m, DraftStateMixin)]
    entries = []
    for model in models:
        queryset = model._default_manager.filter(live=True, expire_at__gte=since)
        if issubclass(model, TranslatableMixin):
            queryset = _in_locale(queryset, locale).select_related("locale")
        entries += [Entry(obj.expire_at, "expiry", EXPIRES, obj) for obj in queryset]
    return entries


def calendar_days(locale=None):
    """[(date in the current time zone, [Entry, …]), …] from today on, in order."""
    since = _start_of_today()
    entries = sorted(_go_live_entries(since, locale) + _expiry_entries(since, locale), key=lambda e: e.when)
    days = defaultdict(list)
    for entry in entries:
        days[timezone.localdate(entry.when)].append(entry)
    return list(days.items())


def ical(days, request, name):
    """The calendar as iCalendar for the editorial team's calendar program (built as the event calendars are)."""
    stamp = timezone.now().astimezone(UTC)
    components = []
    for _day, entries in days:
        for entry in entries:
            event = Event()
            meta = entry.obj._meta
            event.add("uid", f"{entry.kind}-{meta.app_label}.{meta.model_name}-{entry.obj.pk}@publishing-calendar")
            event.add("dtstamp", stamp)
            event.add("dtstart", entry.when.astimezone(UTC))
            event.add("summary", f"{entry.action}: {entry.title}")
            event.add("url", vUri(request.build_absolute_uri(entry.edit_url)), parameters={"VALUE": "URI"})
            components.append(event)
    return build_calendar(name, components).to_ical()
