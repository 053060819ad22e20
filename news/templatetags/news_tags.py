"""Template tags for news pages: the JSON-LD of an item (news.schema)."""

from django import template

from cms.json_ld import script
from news import schema

register = template.Library()


@register.simple_tag(takes_context=True)
def news_json_ld(context, page):
    return script(schema.news_article(page, context.get("request")))
