"""The ``demo_site`` fixture itself: every test gets the demo content as freshly loaded, restored from the
session's snapshot, with a working search index, fresh ids for new rows and the live server's address.

No browser is needed; marked ``browser`` because it shares the browser tests' demo content and live server.
"""

import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from programmes.factories import EventPageFactory
from programmes.models import CallForParticipationPage, EventPage
from search.query import search_pages

pytestmark = pytest.mark.browser


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # raises on 4xx and 5xx
        return response.read().decode()


def finds(page):
    """Whether the site search (the index restored with the rest) finds ``page`` by the longest word of its title."""
    locale = Locale.objects.get(pk=page.locale_id)
    word = max(page.title.split(), key=len)
    return page.pk in {result.pk for result in search_pages(Page.objects.all(), word, locale)}


def state():
    return Page.objects.count(), get_user_model().objects.count(), CallForParticipationPage.objects.live().count()


def test_restores_the_same_demo_state_with_a_working_search(demo_site, demo_snapshot):
    german = CallForParticipationPage.objects.get(locale__language_code="de", slug="projektpartnerschaften-algerien")
    arabic = Page.objects.get(translation_key=german.translation_key, locale__language_code="ar-dz")
    assert arabic.live and arabic.alias_of_id is None  # the demo's Arabic translation
    assert Site.objects.get(is_default_site=True).root_url == demo_site.url
    before = state()
    # The restored search index finds the call in German and in Arabic; the live server serves it.
    assert finds(german) and finds(arabic)
    assert german.title in fetch(f"{demo_site.url}{german.url}")

    # What a test changes …
    german.delete()
    EventPageFactory(title="Zusätzliche Veranstaltung")
    get_user_model().objects.create_user("jemand", "jemand@example.org", "geheim-123")
    assert state() != before
    # … pytest-django empties the database after it, as a transactional test (new content type ids) …
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    ContentType.objects.get_for_model(EventPage)  # cached with its new id, as any fixture before the next may do
    # … and the next test does not see any of it.
    demo_snapshot.restore()
    assert state() == before
    assert finds(german)
    # New rows get new ids (sequences are moved past the restored rows) and the right content type.
    event = EventPageFactory(title="Veranstaltung nach der Wiederherstellung")
    assert Page.objects.get(pk=event.pk).specific_class is EventPage
    assert event.title in fetch(f"{demo_site.url}{event.url}")
