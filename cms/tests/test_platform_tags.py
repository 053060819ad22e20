"""cms/templatetags/platform_tags.py: the head links of contributed feeds, the menu entries of contributed
navigation."""

import pytest
from django.template import Context, Template
from django.urls import resolve
from django.utils import translation

from cms.platform import Feed, NavigationEntry, registry
from cms.templatetags.platform_tags import contributed_navigation


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


def test_contributed_navigation_in_the_active_language_marks_the_current_page(rf):
    contributed = (
        NavigationEntry("suggest", "search_suggest", "Suggest", order=2),
        NavigationEntry("s", "search", "S"),
    )
    request = rf.get("/fr/search/")
    with translation.override("fr"):
        request.resolver_match = resolve("/fr/search/")  # the project's URLs, before the override
        with registry.override(*contributed, app_label="programmes"):
            entries = contributed_navigation({"request": request})
    assert entries == [  # by order (2 before the default 1000), not by registration
        {"label": "Suggest", "url": "/fr/search/suggest/", "current": False},
        {"label": "S", "url": "/fr/search/", "current": True},
    ]


@pytest.mark.django_db
def test_the_header_shows_the_search_apps_entry_in_every_language(client, site):
    for language, label in (("de", "Suche"), ("fr", "Recherche"), ("ar-dz", "البحث"), ("en", "Search")):
        html = client.get(f"/{language}/search/").content.decode()
        assert f'<li><a href="/{language}/search/" aria-current="page">{label}</a></li>' in html, language
        assert f'<li><a href="/{language}/search/">{label}</a></li>' in client.get(f"/{language}/").content.decode()
