"""Discovery in <head>: feed and calendar links, and schema.org for pages without a richer type."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from cms.json_ld import SCHEMA, script
from cms.languages import bcp47, content_language_tag
from cms.public_url import absolute

register = template.Library()


@register.simple_tag(takes_context=True)
def page_json_ld(context):
    """schema.org WebPage (WebSite for the home page) for pages whose template gives no other type."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None:
        return ""
    is_home = page.depth == 2
    description = page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    data = {
        "@context": SCHEMA,
        "@type": "WebSite" if is_home else "WebPage",
        "name": page.seo_title or page.title,
        "description": description,
        "url": page.get_full_url(request),
        # The text's language: the source language for an alias, else the page's (the visitor's).
        "inLanguage": content_language_tag(page),
    }
    if not is_home:
        data["dateModified"] = page.last_published_at.isoformat() if page.last_published_at else None
    return script(data)


@register.simple_tag(takes_context=True)
def view_json_ld(context, name, schema_type="WebPage"):
    """schema.org for a page that is a view rather than a Wagtail page (the search)."""
    request = context.get("request")
    data = {
        "@context": SCHEMA,
        "@type": schema_type,
        "name": str(name),
        "url": absolute(request.path, request),
        "inLanguage": bcp47(get_language()),
    }
    return script(data)
