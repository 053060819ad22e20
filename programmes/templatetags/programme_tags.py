"""Template tags for programme pages: JSON-LD (builders in programmes.schema) and listing topics."""

from django import template

from cms.json_ld import script
from programmes import schema
from programmes.models.topics import with_display_topics

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, page, venue=None, organiser=None):
    return script(schema.event(page, context.get("request"), venue=venue, organiser=organiser))


@register.simple_tag(takes_context=True)
def call_json_ld(context, page, programme=None):
    return script(schema.call_page(page, context.get("request"), programme=programme))


@register.simple_tag(takes_context=True)
def programme_json_ld(context, page, organisation_roles=()):
    return script(schema.funding_scheme(page, organisation_roles, context.get("request")))


register.simple_tag(with_display_topics)  # {% with_display_topics items as listed %}
