"""Partnership and organisation lists as Redaktion sees them: filtered by language with Wagtail's own
locale filter (``?locale=de``), German rows open, and choices limited to the row's language."""

import pytest
from django.urls import reverse

from programmes.factories import (
    ContactPointFactory,
    CountryFactory,
    OrganisationFactory,
    PartnershipFactory,
    TopicPageFactory,
)
from programmes.models import ContactPoint

from .conftest import locale

pytestmark = pytest.mark.django_db

LISTS = {
    "partnership": (PartnershipFactory, "german_partner"),
    "organisation": (OrganisationFactory, "name"),
}


@pytest.fixture
def rows(synced_site):
    """Eleven English rows first (as in the issue, where the German ones started on page 2), then German."""
    country = CountryFactory(code="TN")
    made = {}
    for model_name, (factory, field) in LISTS.items():
        extra = {"country": country} if model_name == "partnership" else {}
        foreign = [factory(locale=locale("en"), **{field: f"English {n}"}, **extra) for n in range(11)]
        german = factory(**{field: "Deutsche Zeile"}, **extra)
        made[model_name] = (german, foreign)
    return made


@pytest.mark.parametrize("model_name", LISTS)
def test_redaktion_filters_by_language_and_opens_german_rows(client, users, rows, model_name):
    german, foreign = rows[model_name]
    client.force_login(users.editor)
    index = reverse(f"wagtailsnippets_programmes_{model_name}:list")

    response = client.get(index, {"locale": "de"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deutsche Zeile" in html and "English 1" not in html
    # The filter the list offers is Wagtail's: by language code, so choosing "Deutsch" gives ?locale=de.
    assert 'value="de"' in html

    edit = client.get(reverse(f"wagtailsnippets_programmes_{model_name}:edit", args=[german.pk]))
    assert edit.status_code == 200
    assert client.get(reverse(f"wagtailsnippets_programmes_{model_name}:edit", args=[foreign[0].pk])).status_code in (
        302,
        403,
    )


def test_partnership_form_offers_topics_of_its_own_language(admin_client, synced_site, rows):
    german_topic = TopicPageFactory(title="Klimaschutz")
    french_topic = german_topic.copy_for_translation(locale("fr"))
    french_topic.title = "Protection du climat"
    french_topic.save()
    german, _ = rows["partnership"]
    html = admin_client.get(reverse("wagtailsnippets_programmes_partnership:edit", args=[german.pk])).content.decode()
    assert "Klimaschutz" in html and "Protection du climat" not in html
    # A new German partnership (the list's default language) gets the German topics too.
    add = admin_client.get(reverse("wagtailsnippets_programmes_partnership:add"), {"locale": "de"}).content.decode()
    assert "Klimaschutz" in add and "Protection du climat" not in add


def test_contact_point_offers_organisations_of_its_own_language(synced_site):
    german_organisation = OrganisationFactory(name="Engagement Global")
    french_organisation = OrganisationFactory(name="Organisation française", locale=locale("fr"))
    contact = ContactPointFactory(title="Kontakt SKEW")
    form_class = ContactPoint.snippet_viewset.get_edit_handler().get_form_class()
    choices = form_class(instance=contact).fields["organisation"].queryset
    assert german_organisation in choices and french_organisation not in choices
