"""The editors' side renders: every page type's add form, every snippet's list and add form,
the site settings, all in German."""

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from home.factories import StandardPageFactory
from programmes.factories import ProgrammePageFactory

PAGE_TYPES_UNDER = {
    "home": ["programmes.programmepage", "home.standardpage"],
    "topic_index": ["programmes.topicpage"],
    "call_index": ["programmes.callforparticipationpage"],
    "event_index": ["programmes.eventpage"],
}


@pytest.mark.parametrize(
    ("parent", "page_type"), [(parent, page_type) for parent, types in PAGE_TYPES_UNDER.items() for page_type in types]
)
def test_add_form_of_every_page_type_renders_in_german(site, admin_client, parent, page_type):
    app_label, model_name = page_type.split(".")
    url = reverse("wagtailadmin_pages:add", args=[app_label, model_name, getattr(site, parent).pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()


def test_add_form_of_a_phase_renders(site, admin_client):
    programme = ProgrammePageFactory(parent=site.home)
    url = reverse("wagtailadmin_pages:add", args=["programmes", "programmephasepage", programme.pk])
    assert admin_client.get(url).status_code == 200


def test_edit_form_of_a_standard_page_renders(site, admin_client):
    page = StandardPageFactory(parent=site.home)
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


@pytest.mark.parametrize("model", get_snippet_models(), ids=lambda model: model._meta.label)
def test_every_snippet_lists_and_adds(site, admin_client, model):
    list_url = reverse(model.snippet_viewset.get_url_name("list"))
    add_url = reverse(model.snippet_viewset.get_url_name("add"))
    assert admin_client.get(list_url).status_code == 200
    assert admin_client.get(add_url).status_code == 200


def test_site_settings_edit_form_renders(site, admin_client):
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.site.pk])
    assert admin_client.get(url).status_code == 200


def test_custom_admin_labels_are_german(site, admin_client):
    url = reverse("wagtailadmin_pages:add", args=["programmes", "eventpage", site.event_index.pk])
    html = admin_client.get(url).content.decode()
    for label in ("Zeitzone", "Veranstaltungssprachen", "Anmeldeschluss"):
        assert label in html, label


def test_a_second_index_of_a_kind_cannot_be_added(site, admin_client):
    url = reverse("wagtailadmin_pages:add", args=["programmes", "topicindexpage", site.home.pk])
    assert admin_client.get(url).status_code == 302
