"""HTTP behaviour: CORS, ETag/304 (and why no Last-Modified), Cache-Control; headless preview with a token."""

import time

import pytest
from django.utils.http import http_date

pytestmark = pytest.mark.django_db


def test_etag_and_304(client, api_content):
    api_content.call.save_revision().publish()
    response = client.get("/api/v2/pages/", {"type": "programmes.CallForParticipationPage"})
    etag = response["ETag"]
    assert etag.startswith('"')
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    again = client.get("/api/v2/pages/", {"type": "programmes.CallForParticipationPage"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    api_content.call.title = "Aufruf Abfall neu"
    api_content.call.save_revision().publish()
    changed = client.get("/api/v2/pages/", {"type": "programmes.CallForParticipationPage"}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200


def later_than_every_publication():
    return http_date(time.time() + 60)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/",
        "/api/v2/pages/?type=programmes.CallForParticipationPage&locale=de",
        "/de/feeds/calls.atom",
        "/de/calendar/events.ics",
    ],
)
def test_unpublishing_is_not_hidden_by_if_modified_since(client, api_content, url):
    """What an answer leaves out has no date: a date-based 304 would keep a removed item at the client."""
    api_content.call.save_revision().publish()
    api_content.event.save_revision().publish()
    first = client.get(url)
    assert first.status_code == 200
    assert "Last-Modified" not in first
    since = first.get("Last-Modified") or later_than_every_publication()
    api_content.call.unpublish()
    api_content.event.unpublish()
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=since)
    assert response.status_code == 200
    assert "Aufruf Abfall" not in response.content.decode() and "Fachaustausch Abfall" not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/{event}/", "/calendar/events/{event}.ics", "/api/v2/images/", "/api/v2/documents/"]
)
def test_no_last_modified_where_related_content_has_no_date(client, api_content, image, document, url):
    """An organiser or venue renamed changes the answer, not any publication date."""
    api_content.event.save_revision().publish()
    url = url.format(event=api_content.event.pk)
    first = client.get(url)
    assert first.status_code == 200 and "Last-Modified" not in first
    api_content.venue.name = "Stadthaus Bonn"
    api_content.venue.save()
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=later_than_every_publication())
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/de/feeds/calls.atom", "/fr/calendar/events.ics", "/sitemap.xml"])
def test_feeds_answer_conditional_requests(client, api_content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_errors_are_not_cached(client, api_content):
    response = client.get("/api/v2/pages/", {"limit": "500"})
    assert response.status_code == 400
    assert "no-cache" in response["Cache-Control"]
    assert response.json()["message"]


def test_cors_for_get(client, api_content, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.bonn.de"]
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.bonn.de")
    assert response["Access-Control-Allow-Origin"] == "https://www.bonn.de"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://www.bonn.de", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://www.bonn.de"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # Only the API is open to other origins.
    assert "Access-Control-Allow-Origin" not in client.get("/de/", HTTP_ORIGIN="https://www.bonn.de")


def test_write_methods_are_refused(client, api_content):
    assert client.post("/api/v2/pages/", {}).status_code in (403, 405)
    assert client.delete(f"/api/v2/pages/{api_content.call.pk}/").status_code in (403, 405)


def preview(page, user):
    from django.test import RequestFactory

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = user
    return page.specific.serve_preview(request, page.specific.default_preview_mode)


def test_admin_preview_works_without_headless_client(api_content, settings, django_user_model):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}}
    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    response = preview(api_content.call, user)
    response.render()
    assert response.status_code == 200
    assert "Aufruf Abfall" in response.content.decode()
    assert "front.example.org" not in response.content.decode()


def test_headless_preview_with_token(client, api_content, settings, django_user_model):
    from wagtail_headless_preview.models import PagePreview

    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "https://front.example.org"}}
    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    page = api_content.call.specific
    page.title = "Aufruf Abfall – Entwurf der Änderung"
    response = preview(page, user)
    assert "front.example.org" in response.content.decode()
    token = PagePreview.objects.latest("pk").token
    params = {"content_type": page.get_content_type_str(), "token": token}
    data = client.get("/api/v2/page_preview/", params)
    assert data.status_code == 200, data.content
    assert data.json()["title"] == "Aufruf Abfall – Entwurf der Änderung"
    assert "no-store" in data["Cache-Control"]
    # The live API still shows the published title.
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Aufruf Abfall"
    # A token for another page type gives nothing.
    other = {"content_type": "programmes.eventpage", "token": token}
    assert client.get("/api/v2/page_preview/", other).status_code == 404


@pytest.mark.parametrize("url", ["/api/v2/pages/abc/", "/api/v2/widgets/", "/api/v2/pages/1/extra/", "/api/v1/pages/"])
def test_unknown_api_routes_are_a_json_404(client, site, url):
    response = client.get(url)
    assert response.status_code == 404, response.get("Location")
    assert response["Content-Type"] == "application/json"
    assert url in response.json()["message"] and "/api/v2/" in response.json()["message"]
    assert "no-cache" in response["Cache-Control"]


def test_api_index_lists_the_endpoints(client, site):
    assert client.get("/api/v2").status_code == 301
    response = client.get("/api/v2/")
    assert response.status_code == 200
    data = response.json()
    assert data["openapi"] == "http://testserver/api/v2/openapi.json"
    assert data["docs"] == "http://testserver/api/v2/docs/"
    names = ["pages", "images", "documents", "organisations", "places", "countries", "regions", "partnerships"]
    assert list(data["endpoints"]) == names
    for url in data["endpoints"].values():
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url
    assert client.get("/api/v2/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_content_language_is_the_content_s(client, api_content):
    """The language of what an answer shows, not the visitor's (the API has no language prefix)."""

    def language(url, **params):
        response = client.get(url, params, HTTP_ACCEPT_LANGUAGE="en")
        return response["Content-Language"]

    assert language(f"/api/v2/pages/{api_content.fr_call.pk}/") == "fr"
    assert language(f"/api/v2/pages/{api_content.ar_event.pk}/") == "ar-DZ"
    assert language(f"/api/v2/pages/{api_content.call.pk}/") == "de"
    assert language("/api/v2/pages/", locale="fr") == "fr"
    # German pages where French is missing: both languages.
    assert language("/api/v2/pages/", type="programmes.CallForParticipationPage", locale="fr", fallback="true") == (
        "de, fr"
    )
    assert language("/api/v2/pages/", type="programmes.TopicPage", locale="en") == "en"  # none: the one asked for
    assert language("/api/v2/partnerships/", locale="de") == "de"
    assert language(f"/calendar/events/{api_content.ar_event.pk}.ics") == "ar-DZ"
    # The API's own texts are English.
    for url in ("/api/v2/", "/api/v2/openapi.json", "/api/v2/docs/", "/api/v2/nothing/"):
        assert language(url) == "en", url
    assert language("/api/v2/pages/", limit="500") == "en"
    # A 304 repeats it: a cache takes the 304's headers for the stored answer's.
    first = client.get(f"/api/v2/pages/{api_content.fr_call.pk}/")
    again = client.get(f"/api/v2/pages/{api_content.fr_call.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["Content-Language"] == "fr"


def test_snippet_rows_name_countries_in_their_own_language(client, api_content):
    from wagtail.models import Locale

    french = api_content.partnership.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save()
    data = client.get(f"/api/v2/partnerships/{french.pk}/", HTTP_ACCEPT_LANGUAGE="de").json()
    assert data["country"]["name"] == "Algérie"
    german = client.get(f"/api/v2/partnerships/{api_content.partnership.pk}/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert german["country"]["name"] == "Algerien"


def test_cors_exposes_the_etag(client, api_content, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.bonn.de"]
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.bonn.de")
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/",
        "/api/v2/pages/",
        "/api/v2/pages/{call}/",
        "/api/v2/pages/find/?id={call}",
        "/api/v2/partnerships/",
        "/api/v2/countries/",
        "/api/v2/images/",
        "/api/v2/openapi.json",
        "/api/v2/pages/?limit=500",
        "/api/v2/nothing/",
    ],
)
def test_public_answers_do_not_vary_by_cookie(client, admin_client, api_content, url):
    """The API reads no session: a signed-in editor gets what everyone gets, and caches may share it."""
    url = url.format(call=api_content.call.pk)
    anonymous = client.get(url)
    assert "cookie" not in anonymous.get("Vary", "").lower(), anonymous["Vary"]
    signed_in = admin_client.get(url)
    assert "cookie" not in signed_in.get("Vary", "").lower(), signed_in["Vary"]
    assert signed_in.content == anonymous.content
