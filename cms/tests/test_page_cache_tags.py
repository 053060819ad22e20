"""Cache tags (cms.page_cache.depends_on): a registration changes the free places on its event's pages
only; every other cached response stays a hit, and only the event's addresses are purged from a CDN.
Purges are connected per model, so that every other model keeps Django's fast delete."""

import pytest
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.page_cache import invalidation, store
from cms.tests.test_page_cache_freshness import cached, html
from participation import services
from participation.models import OutgoingMail, Registration
from participation.tests.conftest import registration_data
from programmes.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def register(event, commit, **overrides):
    with commit():
        response = Client().post(f"/de/participation/events/{event.pk}/register/", registration_data(**overrides))
    assert response.status_code == 302


def test_a_registration_changes_only_the_pages_that_show_its_events_places(site, commit):
    with commit():  # the pages' own purge is done before; a registration's joins it in one transaction
        event = EventPageFactory(title="Netzwerktreffen", capacity=3)
        other = EventPageFactory(title="Fachtag", capacity=5)
    assert "3 Plätze frei." in html(cached(event.url))
    for url in (other.url, "/de/", "/de/veranstaltungen/", f"/api/v2/pages/{event.pk}/"):
        cached(url)
    generation = store.generation()
    register(event, commit)
    after = Client().get(event.url)
    assert after["X-Cache"] == "MISS" and "2 Plätze frei." in html(after)
    assert Client().get(event.url)["X-Cache"] == "HIT"  # stored again with the new version
    # The other event, the home page, the listing and the API item show no places of this event.
    for url in (other.url, "/de/", "/de/veranstaltungen/", f"/api/v2/pages/{event.pk}/"):
        assert Client().get(url)["X-Cache"] == "HIT", url
    assert store.generation() == generation


def test_a_cancellation_and_a_promotion_change_the_places_shown(site, commit):
    event = EventPageFactory(capacity=1)
    register(event, commit, email="erste@example.org")
    register(event, commit, email="zweite@example.org")
    assert "Warteliste" in html(cached(event.url)) or "0 Plätze frei." in html(cached(event.url))
    first = Registration.objects.get(email="erste@example.org")
    with commit():
        result = services.cancel(first)
    assert [each.email for each in result.promoted] == ["zweite@example.org"]
    assert Client().get(event.url)["X-Cache"] == "MISS"


def test_a_translation_of_the_event_follows_its_sources_places(site, commit):
    from programmes.factories import publish_ancestors_in, translate_page

    event = EventPageFactory(capacity=3)
    publish_ancestors_in(translate_page(site.home, "fr", title="Accueil"))
    french = translate_page(event, "fr", title="Rencontre")
    assert french.locale == Locale.objects.get(language_code="fr")
    cached(french.url)
    register(event, commit)
    assert Client().get(french.url)["X-Cache"] == "MISS"


def test_a_registration_purges_only_the_events_addresses_from_the_cdn(site, commit, purge_server):
    with commit():
        event = EventPageFactory(slug="netzwerktreffen", capacity=3)
    purge_server.clear()
    register(event, commit)
    paths = {path for _host, path in purge_server}
    # The event page in each language (aliases until translated): no listing, feed or API list.
    assert "/de/veranstaltungen/netzwerktreffen/" in paths
    assert all(path.endswith("/veranstaltungen/netzwerktreffen/") for path in paths)


def test_an_unwatched_model_keeps_its_fast_delete(site):
    OutgoingMail.objects.bulk_create([OutgoingMail(to=f"{n}@example.org", subject="s", body="b") for n in range(3)])
    assert not post_delete.has_listeners(OutgoingMail)
    with CaptureQueriesContext(connection) as context:
        OutgoingMail.objects.all().delete()
    assert len(context.captured_queries) == 1  # one DELETE, no SELECT of the rows first
    assert post_delete.has_listeners(Registration)


def test_every_watched_kind_is_connected_by_its_own_sender(site):
    for model in invalidation.watched():
        assert post_save.has_listeners(model) and post_delete.has_listeners(model), model


def test_a_draft_of_a_live_page_keeps_the_cache_and_a_live_save_by_code_purges_it(site):
    event = EventPageFactory(title="Netzwerktreffen")
    cached(event.url)
    event.title = "Entwurf"
    event.save_revision()  # a draft: visitors still see the live page
    assert Client().get(event.url)["X-Cache"] == "HIT"
    event.refresh_from_db()
    event.title = "Netzwerktreffen Nord"
    event.save()  # saved live by code (demo content, an import): no page_published signal
    response = Client().get(event.url)
    assert response["X-Cache"] == "MISS" and "Netzwerktreffen Nord" in html(response)
