"""The Sprachen settings screens in the German admin say "Sprache", never "Locale" (issue 14, detours).

cms/localize_fixes/locale_admin_labels.py and locale_overrides/de; the browser sweep
(tests/browser/test_german_admin_labels.py) reads the same screens as rendered.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def visible_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for element in soup(["script", "style"]):
        element.decompose()
    attributes = [
        element[name]
        for element in soup.find_all(True)
        for name in ("aria-label", "title", "placeholder")
        if element.get(name)
    ]
    return "\n".join([soup.title.get_text() if soup.title else "", soup.get_text("\n"), *attributes])


def test_the_language_screens_say_sprache(german_admin_client, site):
    french = Locale.objects.get(language_code="fr")
    screens = {
        reverse("wagtaillocales:index"): "Sprache hinzufügen",
        reverse("wagtaillocales:add"): "Inhalte aus einer anderen Sprache synchronisieren",
        reverse("wagtaillocales:edit", args=[french.pk]): "Sprache löschen",
        reverse("wagtaillocales:delete", args=[french.pk]): "Möchten Sie diese Sprache wirklich löschen?",
    }
    for url, expected in screens.items():
        response = german_admin_client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response)
        assert expected in text, url
        assert not re.search(r"\bLocales?\b|\blocales?\b", text), (url, re.findall(r".*\b[Ll]ocales?\b.*", text))


def test_adding_a_language_still_works(german_admin_client, site):
    """The wrapped add view is wagtail-localize's own: it creates the locale and says so in German."""
    Locale.objects.filter(language_code="en").delete()
    response = german_admin_client.post(
        reverse("wagtaillocales:add"),
        {"language_code": "en", "component-wagtail_localize_localesynchronization-enabled": ""},
        follow=True,
    )
    assert Locale.objects.filter(language_code="en").exists()
    assert "Sprache „English“ hinzugefügt." in response.content.decode()
    assert reverse("wagtaillocales:add") == "/admin/locales/new/"
