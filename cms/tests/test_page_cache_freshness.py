"""The page cache is never stale: entries end at the next date-driven change, and every kind of edit
an editor makes (or a scheduled publication, a translation sync, a registration) purges them."""

from datetime import timedelta

import pytest
import wagtail_factories
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks.signals import task_enqueued
from freezegun import freeze_time
from wagtail.models import Locale, Page

from cms.page_cache import invalidation, store
from home.factories import StandardPageFactory
from home.models import SiteSettings
from participation.tests.conftest import registration_data
from programmes.factories import (
    CallForParticipationPageFactory,
    ContactPointFactory,
    EventPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    TopicPageFactory,
    VenueFactory,
)
from programmes.freshness import next_change
from programmes.models import EventFormat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the purge), as after an editor's request."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def html(response):
    return response.content.decode()


def cached(url):
    """Fill the cache as one anonymous visitor; the next request is another's."""
    Client().get(url)
    response = Client().get(url)
    assert response["X-Cache"] == "HIT", url
    return response


# --- Time ---------------------------------------------------------------------------------------------


def test_a_call_shows_closed_from_the_minute_its_deadline_passes(site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        call = CallForParticipationPageFactory(deadline=start + timedelta(minutes=10))
        assert "status--open" in html(Client().get(call.url))
        clock.tick(timedelta(minutes=9, seconds=59))
        before = Client().get(call.url)
        assert before["X-Cache"] == "HIT" and "status--open" in html(before)
        clock.tick(timedelta(seconds=1))
        after = Client().get(call.url)
        assert after["X-Cache"] == "MISS" and "status--closed" in html(after)


def test_an_event_leaves_the_upcoming_list_the_minute_it_ends(site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        EventPageFactory(title="Laufende Sitzung", start=start - timedelta(hours=1), end=start + timedelta(minutes=5))
        assert "Laufende Sitzung" in html(Client().get("/de/veranstaltungen/"))
        assert "Laufende Sitzung" in html(cached("/de/veranstaltungen/"))
        clock.tick(timedelta(minutes=5))
        assert "Laufende Sitzung" not in html(Client().get("/de/veranstaltungen/"))


def test_the_next_change_is_the_earliest_opening_deadline_start_end_or_phase_day(site):
    now = timezone.now()
    CallForParticipationPageFactory(opening=now + timedelta(days=3), deadline=now + timedelta(days=9))
    EventPageFactory(start=now + timedelta(days=2), end=now + timedelta(days=2, hours=1))
    assert next_change(now) == now + timedelta(days=2)
    assert next_change(now + timedelta(days=2, minutes=1)) == now + timedelta(days=2, hours=1)
    phase_start = timezone.localdate(now) + timedelta(days=1)
    ProgrammePageFactory(parent=site.home)
    ProgrammePhasePageFactory(start_date=phase_start, end_date=phase_start + timedelta(days=30))
    midnight = timezone.make_aware(timezone.datetime.combine(phase_start, timezone.datetime.min.time()))
    assert next_change(now) == midnight


# --- Edits --------------------------------------------------------------------------------------------


def test_publishing_a_new_revision_shows_everywhere_at_once(site, commit):
    event = EventPageFactory(title="Netzwerktreffen")
    cached(event.url)
    cached("/de/veranstaltungen/")
    event.title = "Netzwerktreffen Nord"
    with commit():
        event.save_revision().publish()
    assert "Netzwerktreffen Nord" in html(Client().get(event.url))
    assert "Netzwerktreffen Nord" in html(Client().get("/de/veranstaltungen/"))


def test_unpublishing_and_deleting_remove_the_page(site, commit):
    kept = EventPageFactory(title="Bleibt")
    gone = EventPageFactory(title="Zurückgezogen")
    deleted = EventPageFactory(title="Gelöscht")
    urls = [kept.url, gone.url, deleted.url]
    for url in urls:
        cached(url)
    assert "Zurückgezogen" in html(cached("/de/veranstaltungen/"))
    with commit():
        gone.unpublish()
    assert Client().get(urls[1]).status_code == 404
    cached(urls[2])
    with commit():
        deleted.delete()
    assert Client().get(urls[2]).status_code == 404
    listing = html(Client().get("/de/veranstaltungen/"))
    assert "Bleibt" in listing and "Zurückgezogen" not in listing and "Gelöscht" not in listing


def test_moving_a_page_changes_its_address(site, commit):
    first = StandardPageFactory(parent=site.home, title="Erste", slug="erste")
    second = StandardPageFactory(parent=site.home, title="Zweite", slug="zweite")
    page = StandardPageFactory(parent=first, title="Wandernd", slug="wandernd")
    cached("/de/erste/wandernd/")
    with commit():
        Page.objects.get(pk=page.pk).move(second, pos="last-child")
    # Wagtail leaves a redirect at the old address.
    assert Client().get("/de/erste/wandernd/").url == "/de/zweite/wandernd/"
    assert "Wandernd" in html(Client().get("/de/zweite/wandernd/"))


def test_scheduled_publishing_shows_when_the_command_publishes(site, commit):
    event = EventPageFactory(title="Vorher")
    cached(event.url)
    event.title = "Nachher"
    revision = event.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    assert "Vorher" in html(Client().get(event.url))
    with commit():
        call_command("publish_scheduled")
    assert "Nachher" in html(Client().get(event.url))


def test_changing_a_snippet_shows_on_the_pages_that_use_it(site, commit):
    venue = VenueFactory(name="Rathaus")
    event = EventPageFactory(event_format=EventFormat.ON_SITE, venue=venue)
    assert "Rathaus" in html(cached(event.url))
    venue.name = "Stadthalle"
    with commit():
        venue.save()
    assert "Stadthalle" in html(Client().get(event.url))


def test_changing_an_image_shows_on_the_pages_that_use_it(site, commit):
    image = wagtail_factories.ImageFactory(title="Rathaus", description="Das alte Rathaus")
    topic = TopicPageFactory(image=image)
    assert "Das alte Rathaus" in html(cached(topic.url))
    image.description = "Das neue Rathaus"
    with commit():
        image.save()
    assert "Das neue Rathaus" in html(Client().get(topic.url))


def test_changing_site_settings_shows_in_every_footer(site, commit):
    cached("/de/")
    settings = SiteSettings.for_site(site.site)
    settings.contact_point = ContactPointFactory(title="Servicestelle Kommunal")
    with commit():
        settings.save()
    assert "Servicestelle Kommunal" in html(Client().get("/de/"))


def test_publishing_the_source_shows_in_its_live_translation(site, commit):
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import translate_object

    event = EventPageFactory(title="Netzwerktreffen")
    fr = Locale.objects.get(language_code="fr")
    with commit():
        translate_object(event, [fr])
        Translation.objects.get(source__object_id=event.translation_key, target_locale=fr).save_target(publish=True)
    french = event.get_translation(fr)
    assert "Netzwerktreffen" in html(cached(french.url))
    event.title = "Netzwerktreffen Süd"
    with commit():
        event.save_revision().publish()
    # Publishing the source re-publishes its live translations (cms/localize_fixes/synchronized_fields.py),
    # the new text in German until it is translated; that publish purges the cache too.
    response = Client().get(french.url)
    assert response["X-Cache"] == "MISS"
    assert "Netzwerktreffen Süd" in html(response)


def test_a_registration_changes_the_free_places_shown(site, commit):
    event = EventPageFactory(capacity=3)
    assert "3" in html(cached(event.url))
    with commit():
        response = Client().post(f"/de/participation/events/{event.pk}/register/", registration_data())
    assert response.status_code == 302
    page = Client().get(event.url)
    assert page["X-Cache"] == "MISS"


# --- The CDN ------------------------------------------------------------------------------------------


def test_publishing_purges_the_page_its_listings_feeds_and_api_lists_from_the_cdn(site, commit, purge_server):
    event = EventPageFactory(title="Netzwerktreffen", slug="netzwerktreffen")
    event.title = "Netzwerktreffen Nord"
    with commit():
        event.save_revision().publish()
    paths = {path for _host, path in purge_server}
    assert {host for host, _path in purge_server} == {"testserver"}
    assert {"/de/veranstaltungen/netzwerktreffen/", "/de/veranstaltungen/", "/de/"} <= paths
    assert {"/de/feeds/events.atom", "/fr/feeds/calls.atom", "/de/calendar/events.ics", "/sitemap.xml"} <= paths
    assert {"/api/v2/", "/api/v2/pages/", "/api/v2/places/"} <= paths


@pytest.fixture
def purge_tasks():
    """The CDN purge tasks queued: one list of addresses each."""
    queued = []

    def record(sender, task_result, **kwargs):
        if task_result.task.func is invalidation.purge_cdn.func:
            queued.append(task_result.args[0])

    task_enqueued.connect(record, dispatch_uid="test_purge_tasks")
    yield queued
    task_enqueued.disconnect(dispatch_uid="test_purge_tasks")


def test_one_publish_is_one_purge_task_that_names_each_address_once(site, commit, purge_server, purge_tasks):
    event = EventPageFactory(title="Netzwerktreffen", slug="netzwerktreffen")
    purge_tasks.clear()
    purge_server.clear()
    event.title = "Netzwerktreffen Nord"
    with commit():
        event.save_revision().publish()  # saves the live page, then sends page_published
    assert len(purge_tasks) == 1
    assert sorted(purge_server) == sorted(set(purge_server))  # each address once
    assert "/de/veranstaltungen/netzwerktreffen/" in {path for _host, path in purge_server}


def test_one_transaction_with_several_changes_is_one_purge_task(site, commit, purge_server, purge_tasks):
    venue = VenueFactory(name="Rathaus")
    event = EventPageFactory(event_format=EventFormat.ON_SITE, venue=venue, slug="vor-ort")
    purge_tasks.clear()
    with commit(), transaction.atomic():
        venue.name = "Stadthalle"
        venue.save()
        event.title = "Vor Ort"
        event.save_revision().publish()
    assert len(purge_tasks) == 1
    assert "http://testserver/de/veranstaltungen/vor-ort/" in purge_tasks[0]


def test_a_change_after_a_rolled_back_one_still_purges_at_the_commit(site, commit, purge_server, purge_tasks):
    event = EventPageFactory(slug="zurueck")
    purge_tasks.clear()
    with commit():
        try:
            with transaction.atomic():  # its purge's on_commit callback goes with it
                event.save_revision().publish()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        StandardPageFactory(parent=site.home, title="Neu", slug="neu")  # a live page saved by code
        before_the_commit = store.generation()
    assert store.generation() != before_the_commit
    assert len(purge_tasks) == 1 and "/de/neu/" in {path for _host, path in purge_server}


def test_changing_a_snippet_purges_the_pages_that_use_it_from_the_cdn(site, commit, purge_server):
    venue = VenueFactory(name="Rathaus")
    with commit():
        EventPageFactory(event_format=EventFormat.ON_SITE, venue=venue, slug="vor-ort").save_revision().publish()
    purge_server.clear()
    venue.name = "Stadthalle"
    with commit():
        venue.save()
    assert "/de/veranstaltungen/vor-ort/" in {path for _host, path in purge_server}


def test_deleting_and_moving_purge_the_old_addresses_from_the_cdn(site, commit, purge_server):
    moved = EventPageFactory(slug="umzug")
    deleted = EventPageFactory(slug="weg")
    other_index = site.event_index.add_sibling(instance=type(site.event_index)(title="Archiv", slug="archiv"))
    with commit():
        deleted.delete()
        moved.move(other_index, pos="last-child")
    paths = {path for _host, path in purge_server}
    assert {"/de/veranstaltungen/weg/", "/de/veranstaltungen/umzug/", "/de/archiv/umzug/"} <= paths
