"""POST data for the admin's page forms, as the browser sends it (without JavaScript helpers)."""

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

ADMIN_DATETIME = "%Y-%m-%d %H:%M"


def _local(value, zone):
    import zoneinfo

    return timezone.localtime(value, zoneinfo.ZoneInfo(zone)).strftime(ADMIN_DATETIME) if value else ""


def page_common(page, comments=()):
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset(list(comments)),
    }


def event_form_data(event, action=None, comments=(), **changes):
    data = {
        **page_common(event, comments),
        "summary": event.summary,
        "body": streamfield([]),
        "time_zone": event.time_zone,
        "start": _local(event.start, event.time_zone),
        "end": _local(event.end, event.time_zone),
        "schedule": event.schedule,
        "event_format": event.event_format,
        "venue": event.venue_id or "",
        "online_platform": event.online_platform,
        "online_url": event.online_url,
        "online_details": event.online_details,
        "registration_url": event.registration_url,
        "registration_deadline": _local(event.registration_deadline, event.time_zone),
        "capacity": event.capacity or "",
        "interpretation": event.interpretation,
        "organiser": "",
        "related_call": "",
        "phase": "",
        **changes,
    }
    if action:
        data[f"action-{action}"] = action
    return nested_form_data(data)


def call_form_data(call, action=None, comments=(), **changes):
    data = {
        **page_common(call, comments),
        "summary": call.summary,
        "body": streamfield([]),
        "time_zone": call.time_zone,
        "opening": _local(call.opening, call.time_zone),
        "deadline": _local(call.deadline, call.time_zone),
        "deadline_note": call.deadline_note,
        "offer": rich_text(""),
        "expectations": rich_text(""),
        "phase": "",
        "how_to_apply": rich_text(""),
        "documents": streamfield([]),
        "faq": streamfield([]),
        "contact_point": "",
        **changes,
    }
    if action:
        data[f"action-{action}"] = action
    # Multiple choices are repeated keys, not the numbered keys nested_form_data makes of lists.
    return {**nested_form_data(data), "eligible_types": [t.pk for t in call.eligible_types.all()]}


def comment(text, contentpath="title"):
    return {
        "id": "",
        "contentpath": contentpath,
        "text": text,
        "position": "",
        "resolved": "",
        "replies": inline_formset([]),
    }
