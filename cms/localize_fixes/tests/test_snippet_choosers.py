"""Snippets chosen on translated pages: in an InlinePanel (ProgrammeOrganisation.organisation), in a
plain ForeignKey (contact_point) and in a SnippetChooserBlock (ContactCardBlock).

Investigated, no workaround module needed:
- ForeignKey and SnippetChooserBlock to a translatable snippet are *related-object segments*:
  "Translate" also creates the snippet's translation (one level deep) and the translated page points to
  it. If the snippet has no translation in that locale, saving falls back to the German snippet instead
  of failing (``save_target`` uses ``fallback=True``).
- InlinePanel rows (ProgrammeOrganisation) are not translatable models, so wagtail-localize copies them
  as synchronised child objects: the French page's rows point to the *German* organisations. A schema
  change (TranslatableMixin on the row model) would be needed to change that; instead the visitor side
  localizes the organisations at render time (``ProgrammePage.get_context`` → ``localize_all``), so a
  French visitor sees the French organisation wherever one exists. These tests pin both facts.
"""

import pytest
from wagtail_localize.models import TranslationSource

from programmes.factories import ContactPointFactory, OrganisationFactory, ProgrammePageFactory
from programmes.models import ContactPoint, Organisation, ProgrammeOrganisation

from .helpers import locale, translate_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(site):
    organisation = OrganisationFactory(name="Engagement Global", short_name="EG")
    contact = ContactPointFactory(title="Kontakt SKEW")
    page = ProgrammePageFactory(contact_point=contact)
    page.body = [("contact", {"contact": contact})]
    ProgrammeOrganisation.objects.create(
        page=page, organisation=organisation, role=ProgrammeOrganisation.Role.IMPLEMENTED_BY
    )
    page.save_revision().publish()
    translate_and_publish(site.home, "fr")
    return page


def test_chosen_snippets_point_to_the_translated_snippet(programme):
    _, french = translate_and_publish(programme, "fr")
    french = french.specific
    assert french.contact_point.locale.language_code == "fr"
    assert french.body[0].value["contact"].locale.language_code == "fr"
    assert french.contact_point.translation_key == programme.contact_point.translation_key


def test_untranslated_snippet_falls_back_to_german_without_error(programme):
    # Start the translation without wagtail-localize's "translate related objects" step.
    source, _ = TranslationSource.get_or_create_from_instance(programme)
    french, _ = source.create_or_update_translation(locale("fr"), fallback=True, copy_parent_pages=True)
    assert not ContactPoint.objects.filter(locale=locale("fr")).exists()
    assert french.contact_point == programme.contact_point
    assert french.body[0].value["contact"] == programme.contact_point


def test_inline_panel_rows_are_synchronised_and_localized_for_visitors(client, programme):
    german_organisation = Organisation.objects.get(locale=locale("de"))
    french_organisation = german_organisation.copy_for_translation(locale("fr"))
    french_organisation.name = "Engagement Global (FR)"
    french_organisation.save()
    _, french = translate_and_publish(programme, "fr")
    # The row is copied, still pointing to the German organisation …
    assert [row.organisation for row in french.specific.organisation_roles.all()] == [german_organisation]
    # … and a French visitor sees the French organisation.
    html = client.get(french.url).content.decode()
    assert "Engagement Global (FR)" in html
