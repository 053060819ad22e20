"""Template tags that render what apps contribute to every page (cms/platform.py)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from cms.platform import registry

register = template.Library()


@register.simple_tag
def feed_links():
    """A <link rel="alternate"> per contributed feed, in the active language (base.html's head).

    One per line, indented as the head is, so the page reads as if the links were written out.
    """
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="{}" href="{}" title="{}">',
        ((feed.media_type, reverse(feed.url_name), feed.title) for feed in registry.feeds() if feed.in_head),
    )


@register.simple_tag(takes_context=True)
def contributed_navigation(context):
    """The main menu's entries that apps contribute (after the site's own pages): label, address in
    the active language, and whether the request is that page."""
    match = getattr(context.get("request"), "resolver_match", None)
    return [
        {
            "label": entry.label,
            "url": reverse(entry.url_name),
            "current": bool(match and match.url_name == entry.url_name),
        }
        for entry in registry.navigation()
    ]
