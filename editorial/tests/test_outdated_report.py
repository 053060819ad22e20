"""The "Outdated translations" report: what it lists, for whom, and in a flat number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from editorial.outdated import outdated_translations
from home.factories import StandardPageFactory
from programmes.factories import OrganisationFactory

from .conftest import locale

REPORT = "editorial:outdated_translations"


def translated_page(title, *codes):
    page = StandardPageFactory(title=title)
    page.save_revision().publish()
    translate_object(page, [locale(code) for code in codes])
    return page


def publish_change(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def outdated_for(user=None):
    return {(t.source.object_repr, t.target_locale.language_code) for t in outdated_translations(user)}


@pytest.mark.django_db
class TestOutdatedTranslations:
    def test_lists_only_translations_whose_source_was_published_after_sync(self, synced_site):
        changed = translated_page("Impressum", "fr", "ar-dz")
        translated_page("Datenschutz", "fr")
        draft_only = translated_page("Barrierefreiheit", "fr")
        publish_change(changed, summary="Neu")
        draft_only.specific.save_revision()  # a draft change is not an outdated translation
        assert outdated_for() == {("Impressum", "fr"), ("Impressum", "ar-dz")}

    def test_translators_see_their_locale_editors_see_all(self, users):
        page = translated_page("Impressum", "fr", "ar-dz")
        publish_change(page, summary="Neu")
        assert outdated_for(users.fr) == {("Impressum", "fr")}
        assert outdated_for(users.ar) == {("Impressum", "ar-dz")}
        assert outdated_for(users.en) == set()
        assert outdated_for(users.editor) == {("Impressum", "fr"), ("Impressum", "ar-dz")}

    def test_sync_clears_it(self, synced_site):
        page = translated_page("Impressum", "fr")
        publish_change(page, summary="Neu")
        Translation.objects.get(target_locale=locale("fr")).source.update_from_db()
        assert outdated_for() == set()

    def test_disabled_translations_are_not_listed(self, synced_site):
        page = translated_page("Impressum", "fr")
        Translation.objects.update(enabled=False)
        publish_change(page, summary="Neu")
        assert outdated_for() == set()

    def test_snippet_edited_after_sync(self, admin_client, synced_site):
        organisation = OrganisationFactory(name="Engagement Global")
        other = OrganisationFactory(name="GIZ")
        translate_object(organisation, [locale("fr")])
        translate_object(other, [locale("fr")])
        assert outdated_for() == set()
        url = reverse("wagtailsnippets_programmes_organisation:edit", args=[organisation.pk])
        response = admin_client.post(url, {"name": "Engagement Global gGmbH", "kind": "agency", "short_name": "EG"})
        assert response.status_code == 302
        assert ModelLogEntry.objects.filter(action="wagtail.edit").exists()
        assert outdated_for() == {("Engagement Global", "fr")}


@pytest.mark.django_db
def test_report_page_links_and_query_count(admin_client, synced_site):
    def report_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(reverse(REPORT))
        assert response.status_code == 200
        return response, len(queries)

    first = translated_page("Impressum", "fr")
    publish_change(first, summary="Neu")
    report_queries()  # the first admin request fills per-process caches (menus, site, content types)
    response, one_item = report_queries()
    assert "Impressum" in response.content.decode()

    for title in ("Datenschutz", "Barrierefreiheit", "Leichte Sprache"):
        publish_change(translated_page(title, "fr", "en", "ar-dz"), summary="Neu")
    response, ten_items = report_queries()
    content = response.content.decode()
    assert content.count(reverse("wagtail_localize:update_translations", args=[1]).rsplit("/", 2)[0]) >= 10
    assert ten_items == one_item


@pytest.mark.django_db
def test_report_in_reports_menu_and_dashboard(client, users):
    publish_change(translated_page("Impressum", "fr"), summary="Neu")
    client.force_login(users.fr)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in dashboard
    assert 'id="outdated-translations-heading"' in dashboard
    # The sidebar's Reports menu links to it from every admin page, not only from the dashboard panel.
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_account")).content.decode()


@pytest.mark.django_db
def test_report_counts_in_german(admin_client, synced_site):
    publish_change(translated_page("Impressum", "fr"), summary="Neu")
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "1 veraltete Übersetzung" in html and "1 translation" not in html
    publish_change(translated_page("Datenschutz", "fr", "en"), summary="Neu")
    assert "3 veraltete Übersetzungen" in admin_client.get(reverse(REPORT)).content.decode()


@pytest.mark.django_db
def test_csv_export_has_local_times_and_language_names(admin_client, synced_site):
    import csv
    import datetime
    import zoneinfo

    page = translated_page("Impressum", "ar-dz")
    publish_change(page, summary="Neu")
    response = admin_client.get(reverse(REPORT) + "?export=csv")
    rows = list(csv.reader(b"".join(response.streaming_content).decode().splitlines()))
    assert rows[0] == ["Quelle", "Sprache", "Vorlage veröffentlicht", "Zuletzt abgeglichen"]
    title, language, published, synced = rows[1]
    assert (title, language) == ("Impressum", "العربية")
    published_at = page.specific_class.objects.get(pk=page.pk).last_published_at
    berlin = published_at.astimezone(zoneinfo.ZoneInfo("Europe/Berlin")).replace(microsecond=0, tzinfo=None)
    assert published == berlin.strftime("%Y-%m-%d %H:%M:%S")
    assert datetime.datetime.strptime(synced, "%Y-%m-%d %H:%M:%S")  # no microseconds, no offset
