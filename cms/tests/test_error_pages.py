"""400 and CSRF-failure pages in the site's design, in the visitor's language, and never a 500."""

import pytest
from django.test import Client

from participation.models import Registration
from programmes.factories import EventPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [("de", "de", "ltr"), ("fr", "fr", "ltr"), ("ar-dz", "ar-DZ", "rtl"), ("en", "en", "ltr")]
EXPIRED = {
    "de": "Das Formular ist abgelaufen",
    "fr": "Le formulaire a expiré",
    "ar-dz": "انتهت صلاحية النموذج",
    "en": "The form has expired",
}
NOTHING_SAVED = {
    "de": "Es wurde nichts gespeichert.",
    "fr": "Rien n’a été enregistré.",
    "ar-dz": "لم يُحفظ أي شيء.",
    "en": "Nothing was saved.",
}


def registration(**overrides):
    data = {
        "name": "Erika",
        "organisation": "Stadt",
        "email": "erika@example.org",
        "language": "de",
        "consent": "on",
        "website": "",
        "submission_token": "token-00000000-abcdefgh",
    }
    return data | overrides


@pytest.mark.parametrize(("language", "lang", "direction"), LANGUAGES)
def test_an_expired_form_token_gets_a_helpful_page_and_nothing_is_saved(site, language, lang, direction):
    event = EventPageFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/participation/events/{event.pk}/register/", registration())
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert EXPIRED[language] in html and NOTHING_SAVED[language] in html
    assert 'class="skip-link"' in html and "<footer" in html  # the site's own layout
    assert "no-store" in response["Cache-Control"]
    assert not Registration.objects.exists()


@pytest.mark.parametrize(("language", "lang", "direction"), LANGUAGES)
def test_a_bad_request_gets_the_sites_400_page(site, client, settings, language, lang, direction):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5  # Django refuses the POST before the view sees it
    event = EventPageFactory()
    response = client.post(f"/{language}/participation/events/{event.pk}/register/", registration())
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert NOTHING_SAVED[language] in html and 'class="skip-link"' in html
    assert not Registration.objects.exists()


def test_a_disallowed_host_gets_the_400_page_without_anything_built_from_the_host(site, client, settings):
    settings.ALLOWED_HOSTS = ["example.org"]
    response = client.get("/fr/", HTTP_HOST="evil.test")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html and "Rien n’a été enregistré." in html
    assert "evil.test" not in html
