"""Drafts, private pages, unpublished translations, aliases-as-translations, expired previews and
form data never appear in any outlet: API, feeds, calendars, sitemap, widget."""

import re

import pytest

pytestmark = pytest.mark.django_db

SECRETS = ("Entwurf geheim", "entwurf-geheim", "Privat geheim", "privat-geheim", "Brouillon webinaire", "brouillon")


def assert_clean(text, where):
    for secret in SECRETS:
        assert secret not in text, (where, secret)


def test_pages_endpoint(client, world):
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
    for page in (world.draft, world.private_call, world.draft_translation):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_translations_list_only_live_real_translations(client, world):
    data = client.get(f"/api/v2/pages/{world.online_event.pk}/").json()
    # The French translation is a draft; the French, Arabic and English versions are aliases.
    assert data["meta"]["translations"] == []
    data = client.get(f"/api/v2/pages/{world.call.pk}/").json()
    assert [t["locale"] for t in data["meta"]["translations"]] == ["fr"]
    assert data["meta"]["translations"][0]["id"] == world.fr_call.pk


def test_aliases_are_not_listed(client, world):
    from wagtail.models import Page

    alias_ids = set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))
    assert alias_ids
    data = client.get("/api/v2/pages/", {"limit": 50}).json()
    assert not alias_ids & {item["id"] for item in data["items"]}
    for pk in list(alias_ids)[:3]:
        assert client.get(f"/api/v2/pages/{pk}/").status_code == 404


def test_private_join_link_never_shown(client, world):
    body = client.get(f"/api/v2/pages/{world.event.pk}/").content.decode()
    assert "secret-room" not in body
    ics = client.get(f"/calendar/events/{world.event.pk}.ics").content.decode()
    assert "secret-room" not in ics
    assert "secret-room" not in client.get("/de/calendar/events.ics").content.decode()


def test_related_draft_pages_are_not_shown(client, world):
    """A relation to a page that is unpublished later is dropped, not shown as a link."""
    world.phase.unpublish()
    data = client.get(f"/api/v2/pages/{world.call.pk}/").json()
    assert data["phase"] is None
    partnership = client.get(f"/api/v2/partnerships/{world.partnership.pk}/").json()
    assert partnership["phase"] is None


def test_feeds(client, world):
    for code in ("de", "fr", "ar-dz", "en"):
        for feed in ("calls", "events"):
            assert_clean(client.get(f"/{code}/feeds/{feed}.atom").content.decode(), (code, feed))


def test_calendars(client, world):
    for code in ("de", "fr", "ar-dz", "en"):
        assert_clean(client.get(f"/{code}/calendar/events.ics").content.decode(), code)
    for page in (world.draft_translation, world.private_call):
        assert client.get(f"/calendar/events/{page.pk}.ics").status_code == 404


def test_sitemap(client, world):
    text = client.get("/sitemap.xml").content.decode()
    assert_clean(text, "sitemap")
    # Canonical URLs only: no alias URL (e.g. the French alias of an untranslated call).
    assert "/fr/appels/aufruf-kommt/" not in text
    assert "/de/aufrufe/aufruf-kommt/" in text


def test_widget(client, world):
    """The widget reads the API; its page and script carry no content of their own."""
    script = client.get("/static/widget/kz-widget.js")
    body = b"".join(script.streaming_content) if script.streaming else script.content
    assert_clean(body.decode(), "widget script")
    assert_clean(client.get("/widget/").content.decode(), "widget page")


def test_expired_or_forged_preview_gives_no_draft(client, world, settings):
    from wagtail_headless_preview.models import PagePreview

    page = world.draft.specific
    preview = page.create_page_preview()
    content_type = page.get_content_type_str()
    assert client.get("/api/v2/page_preview/", {"content_type": content_type, "token": "forged"}).status_code == 404
    assert client.get("/api/v2/page_preview/", {"content_type": content_type}).status_code == 400
    settings.HEADLESS_PREVIEW_MAX_AGE = -1
    response = client.get("/api/v2/page_preview/", {"content_type": content_type, "token": preview.token})
    assert response.status_code == 404
    assert "Entwurf" not in response.content.decode()
    assert PagePreview.objects.filter(token=preview.token).exists()


def test_no_form_data_endpoint(client, world):
    from django.urls import Resolver404, resolve

    document = client.get("/api/v2/openapi.json").json()
    assert not [path for path in document["paths"] if re.search("form|submission", path)]
    for path in ("/api/v2/forms/", "/api/v2/submissions/", "/api/v2/form_submissions/"):
        with pytest.raises(Resolver404):
            match = resolve(path)
            assert match.url_name in ("wagtail_serve", "api_not_found")
            raise Resolver404
        assert client.get(path).status_code == 404


def test_documents_in_restricted_collections(client, world, document):
    import wagtail_factories
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
    secret = wagtail_factories.DocumentFactory(title="Internes Protokoll", collection=private)
    listing = client.get("/api/v2/documents/").json()
    assert [item["title"] for item in listing["items"]] == ["Merkblatt"]
    assert client.get(f"/api/v2/documents/{secret.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 200
