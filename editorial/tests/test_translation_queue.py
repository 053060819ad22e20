"""The translators' queue: new, outdated and in-progress content per language, on the dashboard and as a
report with filters and export, in a flat number of queries."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.operations import translate_object
from wagtail_localize.synctree import create_aliases_for_new_page

from editorial.panels import TranslationQueuePanel, dashboard_panels
from editorial.translation_queue import add_change_details, translation_queue
from home.factories import StandardPageFactory
from programmes.factories import OrganisationFactory

from .conftest import locale
from .test_outdated_report import publish_change, translated_page

REPORT = "editorial:translation_queue"


def states(user, code=None):
    """{(title, language, state)} of the queue, optionally for one language."""
    return {
        (item.title, item.locale.language_code, item.state)
        for item in translation_queue(user)
        if code is None or item.locale.language_code == code
    }


def new_page(title):
    page = StandardPageFactory(title=title)
    page.save_revision().publish()
    create_aliases_for_new_page(page)  # what the admin's "create page" does in synchronised locales
    return page


@pytest.mark.django_db
class TestQueue:
    def test_new_outdated_and_in_progress(self, users):
        new_page("Neuigkeiten")
        changed = translated_page("Impressum", "fr")
        publish_change(changed, summary="Neu")
        draft = translated_page("Datenschutz", "fr")  # translation started, never published
        OrganisationFactory(name="Engagement Global")
        fr = states(users.fr, "fr")
        assert ("Neuigkeiten", "fr", "new") in fr
        assert ("Engagement Global", "fr", "new") in fr
        assert ("Impressum", "fr", "outdated") in fr
        assert ("Datenschutz", "fr", "in_progress") in fr
        # Each object once per language: the outdated page is not also "new" or "in progress".
        assert [state for title, _, state in fr if title == "Impressum"] == ["outdated"]
        assert not any(title == "Datenschutz" and state == "new" for title, _, state in fr)
        # Publishing the translation takes it out of the queue.
        page = draft.get_translation(locale("fr"))
        page.get_latest_revision().publish()
        assert not any(title == "Datenschutz" for title, _, _ in states(users.fr, "fr"))

    def test_german_drafts_are_not_new(self, users):
        draft = StandardPageFactory(title="Entwurf", live=False)
        create_aliases_for_new_page(draft)
        assert not any(title == "Entwurf" for title, _, _ in states(users.admin))

    def test_translators_see_their_language_administrators_all(self, users):
        new_page("Neuigkeiten")
        assert {code for _, code, _ in states(users.fr)} == {"fr"}
        assert {code for _, code, _ in states(users.ar)} == {"ar-dz"}
        assert {code for _, code, _ in states(users.admin)} == {"fr", "ar-dz", "en"}
        assert {code for _, code, _ in states(users.superuser)} == {"fr", "ar-dz", "en"}

    def test_translated_snippet_is_not_new(self, users):
        organisation = OrganisationFactory(name="GIZ")
        translate_object(organisation, [locale("fr")])
        assert ("GIZ", "fr", "new") not in states(users.fr)
        assert ("GIZ", "en", "new") in states(users.admin)

    def test_what_changed_names_fields_author_and_date(self, client, users):
        page = translated_page("Impressum", "fr").specific
        page.summary = "Geänderte Zusammenfassung"
        page.save_revision(user=users.editor).publish()
        organisation = OrganisationFactory(name="GIZ", short_name="GIZ")
        translate_object(organisation, [locale("fr")])
        client.force_login(users.editor)
        url = reverse("wagtailsnippets_programmes_organisation:edit", args=[organisation.pk])
        response = client.post(url, {"name": "GIZ GmbH", "kind": organisation.kind, "short_name": "GIZ"})
        assert response.status_code == 302
        items = {item.title: item for item in add_change_details(translation_queue(users.fr))}
        items["GIZ"] = items.pop("GIZ (GIZ)")  # the organisation's name as the last sync saw it
        assert items["Impressum"].state == items["GIZ"].state == "outdated"
        assert items["Impressum"].changed_fields_text == "Zusammenfassung"
        assert items["GIZ"].changed_fields_text == "Name"
        assert items["Impressum"].changed_by == items["GIZ"].changed_by == "redaktion"
        assert items["Impressum"].source_changed_at and items["GIZ"].source_changed_at


def queue_queries(user, render):
    with CaptureQueriesContext(connection) as context:
        render(user)
    return len(context.captured_queries)


@pytest.mark.django_db
def test_panel_and_report_queries_stay_flat(client, users):
    client.force_login(users.fr)

    def report(user):
        assert client.get(reverse(REPORT)).status_code == 200

    def panel(user):
        TranslationQueuePanel(user).render_html({})

    publish_change(translated_page("Impressum", "fr"), summary="Neu")
    new_page("Eins")
    OrganisationFactory(name="Eins")
    report(users.fr)  # the first admin request fills per-process caches (menus, site, content types)
    panel(users.fr)
    few = queue_queries(users.fr, report), queue_queries(users.fr, panel)
    for n in range(4):
        publish_change(translated_page(f"Seite {n}", "fr"), summary="Neu")
        new_page(f"Neu {n}")
        OrganisationFactory(name=f"Organisation {n}")
        translated_page(f"Entwurf {n}", "fr")
    # New content replaces the cache generation; warm again, as the first count was (cms/site_chrome.py).
    report(users.fr)
    many = queue_queries(users.fr, report), queue_queries(users.fr, panel)
    assert many == few
    assert few[0] <= 30  # the whole admin page: session, user, menus, filters, the queue, what changed
    assert few[1] <= 13  # outdated translations and their targets 2, pages 2, snippets 1 per model, locales


@pytest.mark.django_db
def test_dashboard_panel_for_translators_links_into_the_report(client, users):
    new_page("Neuigkeiten")
    assert any(isinstance(panel, TranslationQueuePanel) for panel in dashboard_panels(users.fr))
    assert not any(isinstance(panel, TranslationQueuePanel) for panel in dashboard_panels(users.team))
    client.force_login(users.fr)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translation-queue-heading"' in html
    assert reverse(REPORT) + "?language=fr&amp;state=new" in html


@pytest.mark.django_db
def test_report_filters_links_and_german_labels(client, users):
    source = new_page("Neuigkeiten")
    publish_change(translated_page("Impressum", "fr", "en"), summary="Neu")
    client.force_login(users.admin)
    html = client.get(reverse(REPORT) + "?language=fr&state=new").content.decode()
    assert "Neuigkeiten" in html and "Impressum" not in html
    assert reverse("wagtail_localize:submit_page_translation", args=[source.pk]) in html
    html = client.get(reverse(REPORT) + "?state=outdated").content.decode()
    assert "Impressum" in html and "Neuigkeiten" not in html
    assert reverse("wagtail_localize:update_translations", args=[1]).rsplit("/", 2)[0] in html
    assert "Übersetzungswarteschlange" in html
    # A translator cannot choose another language; an unknown value is an invalid filter, not an error.
    client.force_login(users.fr)
    response = client.get(reverse(REPORT) + "?language=en")
    assert response.status_code == 200
    assert "Neuigkeiten" in response.content.decode()  # the invalid filter is ignored, own language only
    choices = [value for value, _ in response.context["filters"].form.fields["language"].choices]
    assert choices == ["", "fr"]


@pytest.mark.django_db
def test_export_csv_and_xlsx(client, users):
    publish_change(translated_page("Impressum", "fr"), summary="Neu")
    client.force_login(users.team)  # programme staff: every language, no page permissions
    response = client.get(reverse(REPORT) + "?export=csv&state=outdated")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["Titel", "Typ", "Sprache", "Zustand"]
    assert [row[:4] for row in rows[1:]] == [["Impressum", "Standardseite", "Français", "Veraltet"]]
    assert rows[1][-1].startswith("http://")
    response = client.get(reverse(REPORT) + "?export=xlsx&language=fr")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(1, 1).value == "Titel" and sheet.max_row > 1
