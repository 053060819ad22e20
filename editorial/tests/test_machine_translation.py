"""Optional machine pre-translation: configured by environment, off by default, through wagtail-localize's
own "Translate with …" view, against loopback servers that speak LibreTranslate's and DeepL's HTTP APIs. It fills
a draft translation for review and never publishes; a provider that is down loses nothing."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms.machine_translator_settings import machine_translator_settings
from cms.machine_translators import ConfigurableDeepLTranslator
from tests.services import closed_port, deepl_server, libretranslate_server

from .conftest import locale


def test_off_by_default_and_checked_when_configured(settings):
    assert machine_translator_settings("") is None
    assert (
        machine_translator_settings("libretranslate", "http://127.0.0.1:5000/", "")["OPTIONS"]["LIBRETRANSLATE_URL"]
        == "http://127.0.0.1:5000"
    )
    assert machine_translator_settings("DeepL", "", "key:fx")["CLASS"].endswith("DeepLTranslator")
    deepl = machine_translator_settings("deepl", "https://deepl-proxy.example.org/", "key")
    assert deepl["OPTIONS"]["API_URL"] == "https://deepl-proxy.example.org"
    for wrong in (("google", "", ""), ("deepl", "", ""), ("deepl", "https://x", ""), ("libretranslate", "", "")):
        with pytest.raises(ImproperlyConfigured):
            machine_translator_settings(*wrong)


@pytest.fixture
def french_translation(users, german_page):
    translate_object(german_page, [locale("fr")])
    return Translation.objects.get(target_locale=locale("fr"))


def machine_translate(client, translation):
    editor = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = client.post(url, {"next": editor})
    assert response.status_code == 302 and response.url == editor
    return [str(message) for message in get_messages(response.wsgi_request)]


def press_machine_translate(client, translation, settings, provider, url, key, name):
    """The translation editor offers "Translate with <name>"; pressing it says so. Returns the French
    page's live revision from before, to show that nothing was published."""
    french = translation.get_target_instance()
    live_revision = Page.objects.get(pk=french.pk).live_revision_id
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_settings(provider, url, key)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    assert name in editor
    assert any(name in message for message in machine_translate(client, translation))
    return live_revision


def assert_suggested_for_review(translation, live_revision, text):
    strings = StringTranslation.objects.filter(locale=locale("fr"))
    assert strings.filter(data=text, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE).exists()
    # For review only: nothing was published, visitors still see what they saw before.
    french = Page.objects.get(pk=translation.get_target_instance().pk).specific
    assert french.live_revision_id == live_revision and french.title == "Kontakt"


@pytest.mark.django_db
def test_libretranslate_fills_the_draft_for_review(client, users, french_translation, settings):
    client.force_login(users.fr)
    with libretranslate_server() as server:
        live_revision = press_machine_translate(
            client, french_translation, settings, "libretranslate", server.url, "k", "LibreTranslate"
        )
    (path, body), *_ = server.requests
    assert path == "/translate" and (body["source"], body["target"], body["api_key"]) == ("de", "fr", "k")
    assert "Kontakt" in body["q"]
    assert_suggested_for_review(french_translation, live_revision, "[fr] Kontakt")


def test_deepl_address_is_upstreams_unless_one_is_configured():
    def endpoint(**options):
        return ConfigurableDeepLTranslator(options).get_api_endpoint()

    assert endpoint(AUTH_KEY="key:fx") == "https://api-free.deepl.com/v2/translate"
    assert endpoint(AUTH_KEY="key") == "https://api.deepl.com/v2/translate"
    assert endpoint(AUTH_KEY="key", API_URL="http://127.0.0.1:9") == "http://127.0.0.1:9/v2/translate"


@pytest.mark.django_db
def test_deepl_fills_the_draft_for_review(client, users, french_translation, settings):
    client.force_login(users.fr)
    with deepl_server(key="secret") as server:
        live_revision = press_machine_translate(
            client, french_translation, settings, "deepl", server.url, "secret", "DeepL"
        )
    (path, body, authorization), *_ = server.requests
    assert (path, authorization) == ("/v2/translate", "DeepL-Auth-Key secret")
    assert (body["source_lang"], body["target_lang"], body["tag_handling"]) == (["DE"], ["FR"], ["xml"])
    assert "Kontakt" in body["text"]
    assert_suggested_for_review(french_translation, live_revision, "[FR] Kontakt")


@pytest.mark.django_db
def test_deepl_refusing_the_key_gives_a_message_and_fills_nothing(client, users, french_translation, settings):
    client.force_login(users.fr)
    with deepl_server(key="secret") as server:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_settings("deepl", server.url, "wrong")
        messages = machine_translate(client, french_translation)
    assert len(server.requests) == 1
    assert messages == [
        "Der maschinelle Übersetzungsdienst hat nicht geantwortet oder die Anfrage abgelehnt. Nichts wurde "
        "geändert: Versuchen Sie es später noch einmal oder übersetzen Sie die Texte selbst."
    ]
    assert not StringTranslation.objects.filter(locale=locale("fr")).exists()


@pytest.mark.django_db
def test_provider_down_gives_a_message_and_loses_nothing(client, users, french_translation, settings):
    client.force_login(users.fr)
    string = french_translation.source.stringsegment_set.select_related("string", "context").first()
    StringTranslation.objects.create(
        translation_of=string.string, locale=locale("fr"), context=string.context, data="Déjà traduit"
    )
    url = f"http://127.0.0.1:{closed_port()}"
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_settings("libretranslate", url, "")
    messages = machine_translate(client, french_translation)
    assert messages == [
        "Der maschinelle Übersetzungsdienst hat nicht geantwortet oder die Anfrage abgelehnt. Nichts wurde "
        "geändert: Versuchen Sie es später noch einmal oder übersetzen Sie die Texte selbst."
    ]
    assert list(StringTranslation.objects.filter(locale=locale("fr")).values_list("data", flat=True)) == [
        "Déjà traduit"
    ]


@pytest.mark.django_db
def test_translators_cannot_machine_translate_other_languages(client, users, french_translation, settings):
    client.force_login(users.ar)
    with libretranslate_server() as server:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_settings("libretranslate", server.url, "")
        url = reverse("wagtail_localize:machine_translate", args=[french_translation.pk])
        response = client.post(url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # Wagtail's refusal
    assert server.requests == []
