"""The lean uncached path (issue #13): what every page used to look up (site, locales, site root, view
restrictions, language versions) and the listings of published content come from the content-generation
cache (cms/site_chrome.py, cms/templatetags/content_cache_tags.py), and each is fresh on the next request
after a change or, for listings, at the next date-driven change. The page cache is off (test settings):
this is the path every cache miss takes."""

from datetime import datetime, time, timedelta

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Page, PageViewRestriction, Site

from cms import content_cache
from home.factories import StandardPageFactory
from programmes.factories import (
    CallForParticipationPageFactory,
    ContactPointFactory,
    EventPageFactory,
    OrganisationFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    TopicPageFactory,
    publish_ancestors_in,
    translate_page,
)
from programmes.models import ContactPoint, ProgrammeOrganisation

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_a_warm_page_looks_up_nothing_before_its_own_rows(client, site):
    page = StandardPageFactory(title="Kontakt", slug="kontakt")
    queries = warm_queries(client, page.url)
    tables = ("wagtailcore_site", "wagtailcore_locale", "wagtailcore_pageviewrestriction", "home_homepage")
    assert not [sql for sql in queries if any(f'FROM "{table}"' in sql for table in tables)], queries
    # Routing (one query for the whole path) and the page's specific row.
    assert len(queries) == 2, queries


def test_a_french_page_is_routed_from_the_cached_french_home(client, site):
    french = translate_page(StandardPageFactory(title="Kontakt", slug="kontakt"), "fr", title="Contact")
    publish_ancestors_in(french)
    assert "Contact" in text(client.get(french.url))
    assert len(warm_queries(client, french.url)) == 2


def test_a_new_view_restriction_applies_on_the_next_request(client, site):
    page = StandardPageFactory(title="Intern", slug="intern", show_in_menus=True)
    assert client.get(page.url).status_code == 200
    assert "Intern" in text(client.get("/de/"))  # in the menu
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302  # to the login
    assert "Intern" not in text(client.get("/de/"))  # private pages leave the menu (public_pages)
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_a_restriction_on_the_home_page_applies_to_it(client, site):
    assert client.get("/de/").status_code == 200
    PageViewRestriction.objects.create(page=site.home, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/de/").status_code == 302


def test_a_deleted_site_is_gone_on_the_next_request(client, site):
    assert client.get("/de/").status_code == 200
    Site.objects.all().delete()
    assert client.get("/de/").status_code == 404


def test_a_published_translation_appears_in_the_language_links_at_once(client, site):
    page = StandardPageFactory(title="Kontakt", slug="kontakt")

    def french_link():
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        return soup.select_one('link[rel="alternate"][hreflang="fr"]')

    assert french_link() is None
    french = translate_page(page, "fr", title="Contact")
    publish_ancestors_in(french)
    assert french_link()["href"].endswith(french.url)
    french.unpublish()
    assert french_link() is None


def test_a_moved_page_is_found_at_its_new_address(client, site):
    parent = StandardPageFactory(title="Über uns", slug="ueber-uns")
    page = StandardPageFactory(title="Team", slug="team")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(parent, pos="last-child")
    page.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the page at its old address
    assert moved.status_code == 301 and moved["Location"] == page.url
    assert "Team" in text(client.get(page.url))


# --- Listings of published content (published_fragment) ------------------------------------------------


def test_a_published_call_is_listed_on_the_home_and_topic_pages_at_once(client, site):
    topic = TopicPageFactory(title="Abfallwirtschaft")
    assert "Aufruf Kreislauf" not in text(client.get("/de/"))
    assert "Aufruf Kreislauf" not in text(client.get(topic.url))
    call = CallForParticipationPageFactory(
        title="Aufruf Kreislauf", deadline=timezone.now() + timedelta(days=20), topics=[topic]
    )
    assert "Aufruf Kreislauf" in text(client.get("/de/"))
    assert "Aufruf Kreislauf" in text(client.get(topic.url))
    call.unpublish()
    assert "Aufruf Kreislauf" not in text(client.get("/de/"))
    assert "Aufruf Kreislauf" not in text(client.get(topic.url))


def test_a_translated_topic_title_shows_in_the_cached_listing_at_once(client, site):
    topic = TopicPageFactory(title="Abfallwirtschaft")
    french_topic = translate_page(topic, "fr", title="Gestion des déchets")
    publish_ancestors_in(french_topic)
    CallForParticipationPageFactory(title="Aufruf", deadline=timezone.now() + timedelta(days=20), topics=[topic])
    assert "Gestion des déchets" in text(client.get("/fr/"))
    revision = french_topic.save_revision()
    french_topic.title = "Déchets"
    revision = french_topic.save_revision()
    revision.publish()
    page = text(client.get("/fr/"))
    assert "Déchets" in page and "Gestion des déchets" not in page


def test_a_call_leaves_the_open_calls_the_minute_its_deadline_passes(client, site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        topic = TopicPageFactory(title="Wasser")
        CallForParticipationPageFactory(title="Aufruf Wasser", deadline=start + timedelta(minutes=10), topics=[topic])
        assert "Aufruf Wasser" in text(client.get("/de/"))
        clock.tick(timedelta(minutes=9, seconds=59))
        assert "Aufruf Wasser" in text(client.get("/de/"))
        clock.tick(timedelta(seconds=1))
        assert "Aufruf Wasser" not in text(client.get("/de/"))
        # The topic page lists closed calls too: its status word changes at the same minute.
        assert "status--closed" in client.get(topic.url).content.decode()


def test_an_event_leaves_the_programme_page_the_minute_it_ends(client, site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        programme = ProgrammePageFactory(parent=site.home, slug="programm")
        since = start.date() - timedelta(days=400)
        phase = ProgrammePhasePageFactory(parent=programme, start_date=since, end_date=None)
        EventPageFactory(
            title="Laufende Sitzung", start=start - timedelta(hours=1), end=start + timedelta(minutes=5), phase=phase
        )
        assert "Laufende Sitzung" in text(client.get(programme.url))
        clock.tick(timedelta(minutes=5))
        assert "Laufende Sitzung" not in text(client.get(programme.url))


class RecordingCache:
    """The cache, with the keys stored through it recorded."""

    def __init__(self, cache):
        self.cache, self.stored = cache, []

    def __getattr__(self, name):
        return getattr(self.cache, name)

    def set(self, key, *args, **kwargs):
        self.stored.append(key)
        return self.cache.set(key, *args, **kwargs)


def test_a_preview_is_rendered_anew_and_never_stored(client, site, monkeypatch):
    recording = RecordingCache(content_cache.cache)
    monkeypatch.setattr(content_cache, "cache", recording)
    home = Page.objects.get(pk=site.home.pk).specific
    home.make_preview_request()
    assert not [key for key in recording.stored if ":fragment:" in key]
    client.get("/de/")
    assert [key for key in recording.stored if ":fragment:home-content:" in key]


def test_a_new_phase_and_an_edited_contact_show_on_the_programme_page_at_once(client, site):
    contact = ContactPointFactory(title="Kontakt SKEW")
    programme = ProgrammePageFactory(parent=site.home, slug="programm", contact_point=contact)
    assert "Phase Wissenstransfer" not in text(client.get(programme.url))
    ProgrammePhasePageFactory(parent=programme, title="Phase Wissenstransfer")
    assert "Phase Wissenstransfer" in text(client.get(programme.url))
    contact.title = "Servicestelle Kommunen"
    contact.save()
    assert "Servicestelle Kommunen" in text(client.get(programme.url))


def test_a_warm_home_or_programme_page_queries_nothing_for_what_it_shows(client, site):
    programme = ProgrammePageFactory(
        parent=site.home, slug="programm", contact_point=ContactPointFactory(), topics=[TopicPageFactory()]
    )
    ProgrammeOrganisation.objects.create(page=programme, organisation=OrganisationFactory(), role="implemented_by")
    ProgrammePhasePageFactory(parent=programme)
    home = site.home
    home.featured_programme = programme
    home.save_revision().publish()
    # The programme page reads its own specific row, as every page does; the home page not even that.
    for url, own in (("/de/", ()), (programme.url, ("programmes_programmepage",))):
        sql = " ".join(warm_queries(client, url))
        for table in {
            "programmes_programmepage",
            "programmes_programmephasepage",
            "programmes_programmeorganisation",
            "programmes_organisation",
            "programmes_contactpoint",
            "programmes_topicpage",
            "programmes_country",
        } - set(own):
            assert f'FROM "{table}"' not in sql and f'JOIN "{table}"' not in sql, (url, table)


def test_a_retitled_featured_programme_or_organisation_shows_at_once(client, site):
    organisation = OrganisationFactory(name="GIZ")
    programme = ProgrammePageFactory(parent=site.home, slug="programm", title="Programm Maghreb")
    ProgrammeOrganisation.objects.create(page=programme, organisation=organisation, role="implemented_by")
    home = site.home
    home.featured_programme = programme
    home.save_revision().publish()
    assert "Programm Maghreb" in text(client.get("/de/")) and "GIZ" in text(client.get(programme.url))
    programme.title = "Programm Nordafrika"
    programme.save_revision().publish()
    organisation.name = "Engagement Global"
    organisation.save()
    assert "Programm Nordafrika" in text(client.get("/de/"))
    page = text(client.get(programme.url))
    assert "Engagement Global" in page and "GIZ" not in page
    programme.unpublish()
    assert "Programm Nordafrika" not in text(client.get("/de/"))


def test_a_phase_becomes_current_on_the_programme_page_at_midnight(client, site):
    midnight = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=2), time()))
    with freeze_time(midnight - timedelta(hours=1)) as clock:
        programme = ProgrammePageFactory(parent=site.home, slug="programm")
        ProgrammePhasePageFactory(parent=programme, start_date=midnight.date(), end_date=None)
        assert "status--planned" in client.get(programme.url).content.decode()
        clock.tick(timedelta(minutes=59, seconds=59))
        assert "status--planned" in client.get(programme.url).content.decode()
        clock.tick(timedelta(seconds=1))
        assert "status--current" in client.get(programme.url).content.decode()


def test_an_edited_contact_point_shows_in_its_contact_card_block_at_once(client, site):
    contact = ContactPointFactory(title="Kontakt SKEW")
    page = StandardPageFactory(title="Kontakt", slug="kontakt", body=[("contact", {"contact": contact})])
    assert "Kontakt SKEW" in text(client.get(page.url))
    french = ContactPoint.objects.get(pk=contact.pk).copy_for_translation(site.locales["fr"])
    french.title = "Contact SKEW"
    french.save()
    french_page = translate_page(page, "fr", title="Contact")
    publish_ancestors_in(french_page)
    assert "Contact SKEW" in text(client.get(french_page.url))
    contact.title = "Servicestelle Kommunen"
    contact.save()
    page_text = text(client.get(page.url))
    assert "Servicestelle Kommunen" in page_text and "Kontakt SKEW" not in page_text


def test_wagtail_still_takes_site_and_route_from_the_request(rf):
    """Pin: cms.routing.serve and site_chrome.find_site hand Wagtail their results through the attributes
    its ``Site.find_for_request`` and ``Page.route_for_request`` look at first."""
    request = rf.get("/de/")
    request._wagtail_site = site = object()
    request._wagtail_route_for_request = route = object()
    assert Site.find_for_request(request) is site
    assert Page.route_for_request(request, "/de/") is route


def test_a_warm_topic_page_looks_up_no_image_and_an_edited_alt_text_shows_at_once(client, site, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = wagtail_factories.ImageFactory(title="Deponie", description="Eine Deponie am Stadtrand")
    topic = TopicPageFactory(image=image)
    sql = " ".join(warm_queries(client, topic.url))
    assert "wagtailimages_" not in sql  # neither the image nor its renditions, for the hero or og:image
    assert "Eine Deponie am Stadtrand" in client.get(topic.url).content.decode()
    image.description = "Die Deponie nach der Sanierung"
    image.save()
    html = client.get(topic.url).content.decode()
    assert "Die Deponie nach der Sanierung" in html and "Eine Deponie am Stadtrand" not in html
