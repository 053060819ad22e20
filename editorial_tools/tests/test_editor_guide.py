"""The in-admin editor guide explains each of the editorial tools' screens, in German."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_guide_has_a_german_section_and_contents_entry_per_screen(german_admin_client):
    html = german_admin_client.get(reverse("editorial_guide:editor_guide")).content.decode()
    for anchor, heading in [
        ("preview-links", "Einen Entwurf per Vorschau-Link teilen"),
        ("broken-links", "Defekte Links finden"),
        ("publishing-calendar", "Was geplant ist: der Veröffentlichungskalender"),
    ]:
        assert f'<a href="#{anchor}">{heading}</a>' in html
        assert f'<section id="{anchor}"' in html
    assert reverse("editorial_tools:broken_links") in html
    assert reverse("editorial_tools:publishing_calendar") in html
