"""The topic page lists the page types registered with on_topic_pages, then the partnerships."""

from django.test import RequestFactory

from cms.platform import PageType, registry
from programmes.factories import (
    CallForParticipationPageFactory,
    EventPageFactory,
    PartnershipFactory,
    TopicPageFactory,
)
from programmes.models import CallForParticipationPage, EventPage


def test_the_topic_page_lists_calls_events_and_partnerships_on_the_topic(client, site):
    topic = TopicPageFactory(title="Wasser")
    CallForParticipationPageFactory(title="Aufruf Nord", topics=[topic])
    CallForParticipationPageFactory(title="Aufruf ohne Thema")
    EventPageFactory(title="Termin Süd", topics=[topic])
    partnership = PartnershipFactory(topics=[topic])

    html = client.get(topic.url).content.decode()

    headings = ['id="calls-heading"', 'id="events-heading"', 'id="partnerships-heading"']
    assert [html.index(heading) for heading in headings] == sorted(html.index(heading) for heading in headings)
    assert "Aufruf Nord" in html and "Termin Süd" in html and partnership.german_partner in html
    assert "Aufruf ohne Thema" not in html


def test_only_page_types_registered_for_topic_pages_are_listed(site):
    topic = TopicPageFactory(title="Wasser")
    request = RequestFactory().get(topic.url)
    registered = (PageType(CallForParticipationPage), PageType(EventPage, on_topic_pages=True))
    with registry.override(*registered, app_label="programmes"):
        listings = topic.get_context(request)["topic_listings"]
    assert [template for template, _items in listings] == [EventPage.topic_page_template]
