"""Drafts, private pages, unpublished translations, aliases-as-translations, expired previews and
form data never appear in any outlet: API, feeds, calendars, sitemap, widget."""

import re

import pytest

pytestmark = pytest.mark.django_db

SECRETS = ("Entwurf geheim", "entwurf-geheim", "Privat geheim", "privat-geheim", "Brouillon webinaire", "brouillon")


def assert_clean(text, where):
    for secret in SECRETS:
        assert secret not in text, (where, secret)


def test_pages_endpoint(client, api_content):
    for params in (
        {},
        {"limit": 50},
        {"type": "programmes.CallForParticipationPage", "fields": "*"},
        {"type": "programmes.EventPage", "locale": "fr", "fallback": "true"},
        {"search": "geheim"},
        {"search": "Brouillon"},
        {"search": "geheim", "locale": "de"},
        {"search": "Brouillon", "locale": "fr", "fallback": "true"},
        {"search": "Entwurf", "locale": "fr", "fallback": "true", "order": "title"},
    ):
        assert_clean(client.get("/api/v2/pages/", params).content.decode(), params)
    for page in (api_content.draft, api_content.private_call, api_content.draft_translation):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_translations_list_only_live_real_translations(client, api_content):
    data = client.get(f"/api/v2/pages/{api_content.online_event.pk}/").json()
    # The French translation is a draft; the French, Arabic and English versions are aliases.
    assert data["meta"]["translations"] == []
    data = client.get(f"/api/v2/pages/{api_content.call.pk}/").json()
    assert [t["locale"] for t in data["meta"]["translations"]] == ["fr"]
    assert data["meta"]["translations"][0]["id"] == api_content.fr_call.pk


def test_aliases_are_not_listed(client, api_content):
    from wagtail.models import Page

    alias_ids = set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))
    assert alias_ids
    data = client.get("/api/v2/pages/", {"limit": 50}).json()
    assert not alias_ids & {item["id"] for item in data["items"]}
    for pk in list(alias_ids)[:3]:
        assert client.get(f"/api/v2/pages/{pk}/").status_code == 404


def test_private_join_link_never_shown(client, api_content):
    body = client.get(f"/api/v2/pages/{api_content.event.pk}/").content.decode()
    assert "secret-room" not in body
    ics = client.get(f"/calendar/events/{api_content.event.pk}.ics").content.decode()
    assert "secret-room" not in ics
    assert "secret-room" not in client.get("/de/calendar/events.ics").content.decode()


def test_related_draft_pages_are_not_shown(client, api_content):
    """A relation to a page that is unpublished later is dropped, not shown as a link."""
    api_content.phase.unpublish()
    data = client.get(f"/api/v2/pages/{api_content.call.pk}/").json()
    assert data["phase"] is None
    partnership = client.get(f"/api/v2/partnerships/{api_content.partnership.pk}/").json()
    assert partnership["phase"] is None


def test_feeds(client, api_content):
    for code in ("de", "fr", "ar-dz", "en"):
        for feed in ("calls", "events"):
            assert_clean(client.get(f"/{code}/feeds/{feed}.atom").content.decode(), (code, feed))


def test_calendars(client, api_content):
    for code in ("de", "fr", "ar-dz", "en"):
        assert_clean(client.get(f"/{code}/calendar/events.ics").content.decode(), code)
    for page in (api_content.draft_translation, api_content.private_call):
        assert client.get(f"/calendar/events/{page.pk}.ics").status_code == 404


def test_sitemap(client, api_content):
    text = client.get("/sitemap.xml").content.decode()
    assert_clean(text, "sitemap")
    # Canonical URLs only: no alias URL (e.g. the French alias of an untranslated call).
    assert "/fr/appels/aufruf-kommt/" not in text
    assert "/de/aufrufe/aufruf-kommt/" in text


def test_widget(client, api_content):
    """The widget reads the API; its page and script carry no content of their own."""
    script = client.get("/static/widget/kz-widget.js")
    body = b"".join(script.streaming_content) if script.streaming else script.content
    assert_clean(body.decode(), "widget script")
    assert_clean(client.get("/widget/").content.decode(), "widget page")


def test_expired_or_forged_preview_gives_no_draft(client, api_content, settings):
    from wagtail_headless_preview.models import PagePreview

    page = api_content.draft.specific
    preview = page.create_page_preview()
    content_type = page.get_content_type_str()
    assert client.get("/api/v2/page_preview/", {"content_type": content_type, "token": "forged"}).status_code == 404
    assert client.get("/api/v2/page_preview/", {"content_type": content_type}).status_code == 400
    settings.HEADLESS_PREVIEW_MAX_AGE = -1
    response = client.get("/api/v2/page_preview/", {"content_type": content_type, "token": preview.token})
    assert response.status_code == 404
    assert "Entwurf" not in response.content.decode()
    assert PagePreview.objects.filter(token=preview.token).exists()


def test_no_form_data_endpoint(client, api_content):
    from django.urls import Resolver404, resolve

    document = client.get("/api/v2/openapi.json").json()
    assert not [path for path in document["paths"] if re.search("form|submission", path)]
    for path in ("/api/v2/forms/", "/api/v2/submissions/", "/api/v2/form_submissions/"):
        with pytest.raises(Resolver404):
            match = resolve(path)
            assert match.url_name in ("wagtail_serve", "api_not_found")
            raise Resolver404
        assert client.get(path).status_code == 404


def test_documents_in_restricted_collections(client, api_content, document):
    import wagtail_factories
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
    secret = wagtail_factories.DocumentFactory(title="Internes Protokoll", collection=private)
    listing = client.get("/api/v2/documents/").json()
    assert [item["title"] for item in listing["items"]] == ["Merkblatt"]
    assert client.get(f"/api/v2/documents/{secret.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 200


# --- Unpublished changes and translations in progress ----------------------------------------------

DRAFT_WORDS = ("Überarbeitung geheim", "Révision secrète", "Entwurfszusammenfassung")


def assert_no_draft_words(text, where):
    for word in DRAFT_WORDS:
        assert word not in text, (where, word)


def outlets(api_content):
    """Every public outlet that shows calls or events, as (name, url, params)."""
    yield "listing", "/api/v2/pages/", {"limit": 50}
    for page_type in ("programmes.CallForParticipationPage", "programmes.EventPage"):
        yield "listing", "/api/v2/pages/", {"type": page_type, "fields": "*", "limit": 50}
        yield "fallback", "/api/v2/pages/", {"type": page_type, "locale": "fr", "fallback": "true", "fields": "*"}
    for word in ("Überarbeitung", "geheim", "Révision", "Entwurfszusammenfassung"):
        yield "search", "/api/v2/pages/", {"search": word}
        yield "search", "/api/v2/pages/", {"search": word, "locale": "fr", "fallback": "true"}
    for page in (api_content.call, api_content.fr_call, api_content.event):
        yield "detail", f"/api/v2/pages/{page.pk}/", {}
        yield "find", f"/api/v2/pages/find/?id={page.pk}", {}
    yield "preview endpoint without token", "/api/v2/page_preview/", {}
    for code in ("de", "fr", "ar-dz", "en"):
        yield "feed", f"/{code}/feeds/calls.atom", {}
        yield "feed", f"/{code}/feeds/events.atom", {}
        yield "calendar", f"/{code}/calendar/events.ics", {}
    yield "event calendar", f"/calendar/events/{api_content.event.pk}.ics", {}
    yield "sitemap", "/sitemap.xml", {}
    yield "widget", "/widget/", {"kind": "calls", "lang": "fr"}


def test_live_pages_with_newer_drafts_show_the_published_revision(client, api_content):
    from programmes.factories import add_draft_changes

    add_draft_changes(
        api_content.call, title="Überarbeitung geheim", summary="Entwurfszusammenfassung", slug="ueberarbeitung"
    )
    add_draft_changes(api_content.fr_call, title="Révision secrète", summary="Entwurfszusammenfassung")
    add_draft_changes(api_content.event, title="Überarbeitung geheim", summary="Entwurfszusammenfassung")
    for name, url, params in outlets(api_content):
        response = client.get(url, params, follow=url.startswith("/api/v2/pages/find/"))
        assert response.status_code in (200, 400), (name, url, response.status_code)
        assert_no_draft_words(response.content.decode(), (name, url, params))
    # The published revision is what they show.
    assert client.get(f"/api/v2/pages/{api_content.call.pk}/").json()["title"] == "Aufruf Abfall"
    assert "Appel déchets" in client.get("/fr/feeds/calls.atom").content.decode()
    assert "Fachaustausch Abfall" in client.get(f"/calendar/events/{api_content.event.pk}.ics").content.decode()
    assert "/de/aufrufe/aufruf-abfall/" in client.get("/sitemap.xml").content.decode()


def snippet_outlets(api_content, french):
    for endpoint in ("partnerships", "organisations", "places"):
        yield f"/api/v2/{endpoint}/", {}
        yield f"/api/v2/{endpoint}/", {"locale": "fr"}
    yield "/api/v2/partnerships/", {"search": "Brouillon"}
    yield "/api/v2/partnerships/", {"search": "Brouillon", "locale": "fr"}
    yield "/api/v2/organisations/", {"search": "Brouillon"}
    for obj in french.values():
        endpoint = {"Partnership": "partnerships", "Organisation": "organisations", "Venue": "places"}[
            type(obj).__name__
        ]
        yield f"/api/v2/{endpoint}/{obj.pk}/", {}
    yield f"/api/v2/pages/{api_content.event.pk}/", {}  # its organiser and venue
    yield f"/api/v2/pages/{api_content.ar_event.pk}/", {}
    yield "/fr/partnerschaften/", {}
    yield "/fr/search/", {"q": "Brouillon"}
    yield "/sitemap.xml", {}


def test_snippet_translations_not_yet_published(client, api_content):
    """Partnerships, organisations and places translated with wagtail-localize: the French rows exist
    from the start (synced copies, in German); strings a translator has entered appear only once the
    translation is published."""
    from django.test import TestCase
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, Translation
    from wagtail_localize.operations import translate_object

    fr = Locale.objects.get(language_code="fr")
    api_content.partnership.focus = "Abfallwirtschaft"
    api_content.partnership.save()
    french = {}
    translations = []
    for obj in (api_content.partnership, api_content.organiser, api_content.venue):
        translate_object(obj, [fr])
        translation = Translation.objects.get(source__object_id=obj.translation_key, target_locale=fr)
        for n, segment in enumerate(StringSegment.objects.filter(source=translation.source).select_related("string")):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=fr,
                context=segment.context,
                defaults={"data": f"Brouillon {type(obj).__name__} {n}"},
            )
        french[type(obj).__name__] = translation.get_target_instance()
        translations.append(translation)
    assert set(french) == {"Partnership", "Organisation", "Venue"}
    for url, params in snippet_outlets(api_content, french):
        response = client.get(url, params)
        assert response.status_code == 200, (url, params, response.status_code)
        for name in french:
            assert f"Brouillon {name}" not in response.content.decode(), (url, params)
    # Published, the translated strings are what the French rows show.
    for translation in translations:
        with TestCase.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
    data = client.get(f"/api/v2/organisations/{french['Organisation'].pk}/").json()
    assert data["name"].startswith("Brouillon Organisation")


def test_partnerships_show_no_unpublished_or_private_topics(client, api_content):
    from wagtail.models import PageViewRestriction

    from programmes.factories import TopicPageFactory, make_draft
    from programmes.models import TopicPage

    secret = make_draft(TopicPageFactory, title="Entwurf geheim", slug="entwurf-geheim")
    private = TopicPageFactory(title="Privat geheim", slug="privat-geheim")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    api_content.partnership.topics.add(TopicPage.objects.get(pk=secret.pk), private)
    api_content.partnership.save()
    for params in ({}, {"locale": "de"}, {"search": "Annaba"}):
        body = client.get("/api/v2/partnerships/", params).content.decode()
        assert_clean(body, params)
        assert "abfallwirtschaft" in body
    assert_clean(client.get(f"/api/v2/partnerships/{api_content.partnership.pk}/").content.decode(), "detail")
