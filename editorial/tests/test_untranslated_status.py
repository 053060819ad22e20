"""In a translator's page explorer, untranslated pages (aliases of the German page) say so."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail_localize.synctree import create_aliases_for_new_page

from cms.localization import UntranslatedStatusMixin

from .conftest import locale
from .test_outdated_report import translated_page


@pytest.mark.django_db
def test_explorer_marks_aliases_not_translated(client, users):
    alias_source = translated_page("Neuigkeiten")
    create_aliases_for_new_page(alias_source)
    translated = translated_page("Impressum", "fr")
    french = translated.get_translation(locale("fr"))
    french.get_latest_revision().publish()
    client.force_login(users.fr)
    french_home = alias_source.get_parent().get_translation(locale("fr"))
    html = client.get(reverse("wagtailadmin_explore", args=[french_home.pk])).content.decode()
    rows = {row.split("</tr>")[0] for row in html.split("<tr")}
    alias_row = next(row for row in rows if "Neuigkeiten" in row)
    translated_row = next(row for row in rows if "Impressum" in row)
    assert "nicht übersetzt" in alias_row
    assert "nicht übersetzt" not in translated_row and "veröffentlicht" in translated_row.lower()


@pytest.mark.django_db
def test_german_pages_and_same_language_aliases_keep_their_status(users):
    page = Page.objects.get(pk=translated_page("Neuigkeiten").pk).specific
    assert page.status_string == "veröffentlicht"
    alias = page.create_alias(update_slug="neuigkeiten-kopie")
    assert Page.objects.get(pk=alias.pk).specific.status_string == "veröffentlicht"


def test_every_page_type_has_the_status():
    project_pages = [
        model for model in get_page_models() if model is not Page and not model._meta.app_label.startswith("wagtail")
    ]
    assert project_pages
    assert [model for model in project_pages if not issubclass(model, UntranslatedStatusMixin)] == []
