"""{% feed_links %} (cms/templatetags/platform_tags.py): the head links of contributed feeds."""

from django.template import Context, Template
from django.utils import translation

from cms.platform import Feed, registry


def render_feed_links(language):
    with translation.override(language):
        return Template("{% load platform_tags %}{% feed_links %}").render(Context())


def test_feed_links_follow_the_contributions_language_and_escape_titles():
    contributed = (
        Feed("events_ical", "calendar/events.ics", print, "Events & more", "text/calendar"),
        Feed("calls_feed", "feeds/calls.atom", print, "Calls"),
        Feed("events_feed", "feeds/events.atom", print, "Not in the head", in_head=False),
    )
    with registry.override(*contributed, app_label="programmes"):
        html = render_feed_links("ar-dz")
    assert html == (
        '<link rel="alternate" type="text/calendar" href="/ar-dz/calendar/events.ics" title="Events &amp; more">\n'
        '    <link rel="alternate" type="application/atom+xml" href="/ar-dz/feeds/calls.atom" title="Calls">'
    )


def test_no_feed_links_without_contributions():
    with registry.override():
        assert render_feed_links("de") == ""
