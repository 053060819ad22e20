"""Navigation and footer are cached across requests (cms/site_chrome.py) and never stale: each kind of
change that they show is on the next request, and warm requests do not query for them."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms import content_cache
from cms.page_cache import store
from home.factories import StandardPageFactory
from home.models import SiteSettings
from programmes.factories import ContactPointFactory, publish_ancestors_in, translate_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def menu(client, url="/de/"):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.text.strip() for a in soup.select(".main-nav a")][:-1]  # without the search link


def footer(client, url="/de/"):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one(".site-footer").get_text(" ", strip=True)


def test_a_warm_request_does_not_query_for_navigation_and_footer(client, site):
    StandardPageFactory(title="Kontakt", show_in_menus=True)
    settings_row = SiteSettings.for_site(site.site)
    settings_row.contact_point = ContactPointFactory(title="Kontakt SKEW")
    settings_row.save()
    client.get("/de/")
    with CaptureQueriesContext(connection) as context:
        response = client.get("/de/")
    sql = " ".join(query["sql"] for query in context.captured_queries)
    assert "home_sitesettings" not in sql and "programmes_contactpoint" not in sql
    conditions = [query["sql"].partition(" WHERE ")[2] for query in context.captured_queries]
    assert not any("show_in_menus" in condition for condition in conditions)  # the menu's query
    assert "Kontakt SKEW" in response.content.decode()


def test_publishing_unpublishing_and_deleting_a_menu_page_show_at_once(client, site):
    assert menu(client) == []
    page = StandardPageFactory(title="Über uns", show_in_menus=True)
    assert menu(client) == ["Über uns"]
    page.unpublish()
    assert menu(client) == []
    page.save_revision().publish()
    assert menu(client) == ["Über uns"]
    page.delete()
    assert menu(client) == []


def test_moving_and_restricting_a_menu_page_show_at_once(client, site):
    page = StandardPageFactory(title="Über uns", show_in_menus=True)
    assert menu(client) == ["Über uns"]
    page.move(site.topic_index, pos="last-child")
    assert menu(client) == []
    page.refresh_from_db()
    page.move(site.home, pos="last-child")
    assert menu(client) == ["Über uns"]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert menu(client) == []


def test_a_translation_shows_in_its_language(client, site):
    page = StandardPageFactory(title="Über uns", show_in_menus=True)
    publish_ancestors_in(translate_page(site.home, "fr", title="Accueil"))
    assert menu(client, "/fr/") == []  # the French home has no children yet
    translate_page(page, "fr", title="À propos")
    assert menu(client, "/fr/") == ["À propos"]
    assert menu(client) == ["Über uns"]


def test_changing_the_site_settings_and_the_contact_point_show_at_once(client, site):
    legal = StandardPageFactory(title="Impressum")
    contact = ContactPointFactory(title="Kontakt SKEW")
    assert "Impressum" not in footer(client)
    settings_row = SiteSettings.for_site(site.site)
    settings_row.imprint_page = legal
    settings_row.contact_point = contact
    settings_row.save()
    assert "Impressum" in footer(client) and "Kontakt SKEW" in footer(client)
    contact.title = "Kontaktstelle SKEW"
    contact.save()
    assert "Kontaktstelle SKEW" in footer(client)


def test_entries_follow_the_page_cache_generation(client, site):
    page = StandardPageFactory(title="Über uns", show_in_menus=True)
    assert menu(client) == ["Über uns"]
    Page.objects.filter(pk=page.pk).update(title="Wir")  # sends no signal: no new generation
    assert menu(client) == ["Über uns"]
    store.new_generation()
    assert menu(client) == ["Wir"]


def test_without_a_reachable_cache_they_are_built_on_every_request(client, site, monkeypatch):
    monkeypatch.setattr(store, "generation", lambda: None)
    stored = []
    monkeypatch.setattr(content_cache.cache, "set", lambda key, *args, **kwargs: stored.append(key))
    StandardPageFactory(title="Über uns", show_in_menus=True)
    assert menu(client) == ["Über uns"]
    assert not [key for key in stored if key.startswith("content:site-chrome:")]
