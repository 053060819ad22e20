"""JSON-LD script elements for programme pages (builders in programmes.schema)."""

from django import template
from django.utils.safestring import mark_safe

from programmes import schema

register = template.Library()


def _script(data):
    # to_json_ld escapes <, > and &, so the text cannot close the element.
    return mark_safe(f'<script type="application/ld+json">{schema.to_json_ld(data)}</script>')


@register.simple_tag(takes_context=True)
def event_json_ld(context, page, venue=None, organiser=None):
    return _script(schema.event(page, context.get("request"), venue=venue, organiser=organiser))


@register.simple_tag(takes_context=True)
def call_json_ld(context, page, programme=None):
    return _script(schema.call_page(page, context.get("request"), programme=programme))


@register.simple_tag(takes_context=True)
def programme_json_ld(context, page, organisation_roles=()):
    return _script(schema.funding_scheme(page, organisation_roles, context.get("request")))
