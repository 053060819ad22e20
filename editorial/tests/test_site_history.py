"""Berichte › Webseitenverlauf: a language column and filter, and no alias noise by default."""

import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from .conftest import locale
from .forms import page_common

REPORT = "wagtailadmin_reports:site_history"
# (title, language code, action message) of each row
ROW = re.compile(
    r'<td class="title">\s*(?:<a [^>]*>)?([^<]*?)\s*(?:</a>)?\s*</td>\s*'
    r'<td data-locale="([^"]*)">[^<]*</td>\s*<td>[^<]*</td>\s*<td>\s*([^<]*?)\s*</td>',
    re.S,
)


def add_german_page(client, parent, title, slug):
    """As Redaktion does it in the admin: the locale synchronisation adds an alias in fr, ar-dz and en."""
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])
    data = {**page_common(SimpleNamespace(title=title, slug=slug)), "summary": "Kurz.", "body": streamfield([])}
    assert client.post(url, nested_form_data(data)).status_code == 302
    return Page.objects.get(slug=slug, locale=locale("de"))


def rows(client, query=""):
    response = client.get(reverse(REPORT) + query)
    assert response.status_code == 200
    return ROW.findall(response.content.decode())


@pytest.mark.django_db
class TestSiteHistory:
    def test_is_served_at_wagtails_address(self):
        assert resolve(reverse(REPORT)).url_name == "kz_site_history"
        assert resolve(reverse("wagtailadmin_reports:site_history_results")).url_name == "kz_site_history_results"

    def test_language_column_and_no_alias_entries_by_default(self, client, users, synced_site):
        client.force_login(users.editor)
        add_german_page(client, synced_site.home, "Neue Seite", "neue-seite")
        client.force_login(users.admin)
        new = [(code, action) for title, code, action in rows(client) if title == "Neue Seite"]
        assert new and {code for code, _action in new} == {"de"}
        assert [action for _, action in new].count("Erstellt") == 1
        html = client.get(reverse(REPORT)).content.decode()
        assert "Einen Alias von" not in html and "Sprache" in html and "Deutsch" in html

        new = [(code, action) for title, code, action in rows(client, "?show_aliases=on") if title == "Neue Seite"]
        assert {code for code, _ in new} == {"de", "fr", "ar-dz", "en"}
        assert sum(action.startswith("Einen Alias von") for _, action in new) == 3
        assert [action for _, action in new].count("Erstellt") == 4

    def test_translation_shows_its_language_and_the_filter_finds_it(
        self, client, users, german_page, django_capture_on_commit_callbacks
    ):
        translate_object(german_page, [locale("fr")], user=users.editor)
        translation = Translation.objects.get(target_locale=locale("fr"))
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            translation.save_target(user=users.fr, publish=True)
        client.force_login(users.admin)
        french = rows(client, f"?locale={locale('fr').pk}")
        assert french and {code for _, code, _ in french} == {"fr"}
        assert ("Kontakt", "fr", "Veröffentlicht") in french
        # Filtered to German, the French publication is not there (it read like Redaktion bypassing approval).
        assert {code for _, code, _ in rows(client, f"?locale={locale('de').pk}")} == {"de"}

    def test_csv_export_has_the_language(self, admin_client, german_page):
        response = admin_client.get(reverse(REPORT) + "?export=csv")
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert "Sprache" in lines[0].split(",")
        assert any(",Deutsch," in line for line in lines[1:])

    def test_query_count_does_not_grow_with_entries(self, client, users, synced_site):
        client.force_login(users.editor)
        add_german_page(client, synced_site.home, "Erste", "erste")
        client.force_login(users.admin)
        client.get(reverse(REPORT))  # warm per-process caches (content types, menus)
        with CaptureQueriesContext(connection) as few:
            client.get(reverse(REPORT))
        client.force_login(users.editor)
        for n in range(3):
            add_german_page(client, synced_site.home, f"Weitere {n}", f"weitere-{n}")
        client.force_login(users.admin)
        with CaptureQueriesContext(connection) as many:
            client.get(reverse(REPORT))
        assert len(many) == len(few)
