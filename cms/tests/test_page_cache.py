"""The anonymous page cache (cms/page_cache): what is cached and replayed, and what never is."""

import os
import re
import uuid

import pytest
from csp.constants import NONCE
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from cms.cache_settings import cache_settings
from cms.page_cache import store
from cms.urls import urlpatterns as site_urlpatterns
from participation.models import Registration
from participation.tests.conftest import form_token, registration_data
from programmes.factories import EventPageFactory
from tests.services import closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_second_anonymous_request_is_a_hit_with_the_same_page(client, site):
    first = client.get("/de/veranstaltungen/")
    second = client.get("/de/veranstaltungen/")
    head = client.head("/de/veranstaltungen/")
    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"], head["X-Cache"]) == ("MISS", "HIT", "HIT")
    assert second.content == first.content
    assert int(second["Age"]) >= 0 and "Age" not in first
    # Headers the outer middleware sets are this request's, not the stored ones.
    assert "Content-Security-Policy" in second and second["Content-Language"] == "de"


def test_a_hit_makes_no_database_query(client, site, django_assert_num_queries):
    event = EventPageFactory(capacity=5)  # a page with a form: fresh tokens cost no query either
    for url in (event.url, "/de/veranstaltungen/", "/api/v2/pages/", "/de/feeds/events.atom", "/sitemap.xml"):
        Client().get(url)
        with django_assert_num_queries(0):
            assert Client().get(url)["X-Cache"] == "HIT"


# Differ between any two responses: this request's id, what the cache did, and when.
PER_RESPONSE_HEADERS = {"x-request-id", "x-cache", "age"}


def comparable_headers(response):
    headers = {name.lower(): value for name, value in response.items() if name.lower() not in PER_RESPONSE_HEADERS}
    # The CDN's share of the time until the next change shrinks by the second between two responses.
    headers["cache-control"] = re.sub(r"s-maxage=\d+", "s-maxage=N", headers.get("cache-control", ""))
    cookies = {name: {key: morsel[key] for key in morsel.keys()} for name, morsel in response.cookies.items()}
    return headers, cookies


@pytest.mark.parametrize(
    "url, origin",
    [
        ("/de/veranstaltungen/", None),
        ("event", None),  # a page with a form: CSRF cookie and private Cache-Control
        ("/de/feeds/events.atom", None),
        ("/api/v2/pages/", "https://www.bonn.de"),
        ("/api/v2/pages/", "https://elsewhere.example"),
        ("/api/v2/pages/", None),
    ],
)
def test_a_hit_carries_the_headers_a_miss_carries(site, settings, url, origin):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.bonn.de"]
    url = EventPageFactory(capacity=5).url if url == "event" else url
    headers = {"origin": origin} if origin else {}
    miss, hit = Client().get(url, headers=headers), Client().get(url, headers=headers)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert comparable_headers(hit) == comparable_headers(miss)
    assert hit["Content-Length"] == str(len(hit.content))
    if origin == "https://www.bonn.de":
        assert hit["Access-Control-Allow-Origin"] == origin
    elif origin:
        assert "Access-Control-Allow-Origin" not in hit


def test_a_304_from_the_cache_carries_the_headers_of_a_304_from_the_view(site, settings):
    from django.core.cache import cache

    settings.CORS_ALLOWED_ORIGINS = ["https://www.bonn.de"]
    origin = {"origin": "https://www.bonn.de"}
    etag = Client().get("/api/v2/pages/", headers=origin)["ETag"]
    cache.clear()
    conditional = {**origin, "if-none-match": etag}
    from_view = Client().get("/api/v2/pages/", headers=conditional)
    Client().get("/api/v2/pages/", headers=origin)
    from_cache = Client().get("/api/v2/pages/", headers=conditional)
    assert (from_view.status_code, from_view["X-Cache"]) == (304, "MISS")
    assert (from_cache.status_code, from_cache["X-Cache"]) == (304, "HIT")
    # Cache-Control differs: the view's 304 keeps the API's own, a hit has a stored 200's (as its 200 has).
    headers_from_cache, headers_from_view = comparable_headers(from_cache)[0], comparable_headers(from_view)[0]
    assert "s-maxage" in headers_from_cache.pop("cache-control") and headers_from_view.pop("cache-control")
    assert headers_from_cache == headers_from_view


def test_the_widget_stays_embeddable_when_served_from_the_cache(client, site):
    first = client.get("/widget/")
    second = client.get("/widget/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for response in (first, second):
        assert "frame-ancestors *" in response["Content-Security-Policy"] and "X-Frame-Options" not in response


def test_query_string_and_language_are_part_of_the_key(client, site):
    client.get("/de/veranstaltungen/")
    assert client.get("/de/veranstaltungen/?format=online")["X-Cache"] == "MISS"
    assert client.get("/de/veranstaltungen/?format=online")["X-Cache"] == "HIT"


def test_root_redirects_each_visitor_by_their_own_language(client, site):
    french = client.get("/", headers={"accept-language": "fr"})
    english = client.get("/", headers={"accept-language": "en"})
    again = client.get("/", headers={"accept-language": "fr"})
    assert french.url.startswith("/fr/") and english.url.startswith("/en/") and again.url.startswith("/fr/")
    assert "X-Cache" not in again  # never looked up: the redirect is each visitor's own


def test_the_language_of_an_address_without_prefix_is_part_of_the_key(client, site):
    german = Client().get("/api/v2/pages/", headers={"accept-language": "de"})
    french = Client().get("/api/v2/pages/", headers={"accept-language": "fr"})
    french_again = Client().get("/api/v2/pages/", headers={"accept-language": "fr"})
    assert [r["X-Cache"] for r in (german, french, french_again)] == ["MISS", "MISS", "HIT"]
    assert Client().get("/api/v2/pages/", headers={"accept-language": "de"})["X-Cache"] == "HIT"


def test_a_visitor_with_a_malformed_csrf_cookie_gets_a_new_one_and_a_private_hit(site):
    Client().get("/de/veranstaltungen/")
    visitor = Client()
    visitor.cookies["csrftoken"] = "not-a-token"
    hit = visitor.get("/de/veranstaltungen/")
    assert hit["X-Cache"] == "HIT"
    # As Django's CsrfViewMiddleware does on a miss: a fresh cookie, and no shared cache keeps it.
    assert hit.cookies["csrftoken"].value not in ("", "not-a-token")
    assert "private" in hit["Cache-Control"] and "public" not in hit["Cache-Control"]


def test_logged_in_editors_post_and_admin_are_never_served_from_the_cache(client, admin_client, site):
    client.get("/de/veranstaltungen/")
    assert "X-Cache" not in admin_client.get("/de/veranstaltungen/")
    assert "X-Cache" not in admin_client.get("/admin/")
    assert "X-Cache" not in Client().post("/de/veranstaltungen/")
    assert "X-Cache" not in Client().get("/healthz")
    # Credentials in a header (an API client): never answered from, or stored in, the shared cache.
    assert "X-Cache" not in Client().get("/de/veranstaltungen/", headers={"authorization": "Bearer abc"})


def test_private_responses_are_not_stored(client, site):
    event = EventPageFactory(capacity=5)
    Client().post(f"/de/participation/events/{event.pk}/register/", registration_data())
    status = f"/de/participation/registrations/{Registration.objects.get().token}/"
    assert client.get(status)["X-Cache"] == "MISS"
    assert client.get(status)["X-Cache"] == "MISS"


def test_api_lists_are_cached_and_still_answer_if_none_match(client, site):
    first = client.get("/api/v2/pages/")
    second = client.get("/api/v2/pages/")
    unchanged = client.get("/api/v2/pages/", headers={"if-none-match": first["ETag"]})
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.json() == first.json() and second["Content-Type"] == "application/json"
    assert unchanged.status_code == 304


def accept_page(request):
    response = HttpResponse(request.headers.get("accept", ""), content_type="text/plain")
    response["Vary"] = "Accept"
    return response


@override_settings(ROOT_URLCONF=__name__)
def test_a_response_that_varies_on_a_header_is_kept_per_value(client, site):
    json = client.get("/accept/", headers={"accept": "application/json"})
    text = client.get("/accept/", headers={"accept": "text/plain"})
    json_again = client.get("/accept/", headers={"accept": "application/json"})
    text_again = client.get("/accept/", headers={"accept": "text/plain"})
    assert [r["X-Cache"] for r in (json, text, json_again, text_again)] == ["MISS", "MISS", "HIT", "HIT"]
    assert json_again.content == b"application/json" and text_again.content == b"text/plain"


def test_a_cache_that_is_down_makes_a_miss_never_an_error(client, site, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/8",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    for _attempt in range(2):
        response = client.get("/de/veranstaltungen/")
        assert response.status_code == 200 and response["X-Cache"] == "MISS"


def test_entries_round_trip_through_redis(client, site):
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
    with override_settings(CACHES=cache_settings(redis_url, key_prefix=f"kz-page-cache-{uuid.uuid4().hex[:8]}")):
        from django.core.cache import cache

        try:
            cache.client.get_client().ping()
        except Exception as error:  # the suite needs Redis (CI starts it)
            pytest.fail(f"this test needs Redis at {redis_url} (TEST_REDIS_URL): {error}")
        try:
            event = EventPageFactory(capacity=5)
            assert client.get(event.url)["X-Cache"] == "MISS"
            hit = Client().get(event.url)
            assert hit["X-Cache"] == "HIT" and form_token(hit)
        finally:
            cache.delete_pattern("*")


def test_cache_control_lets_a_cdn_keep_a_page_until_the_next_change(client, site, settings):
    settings.PAGE_CACHE_CDN_MAX_AGE = 600
    EventPageFactory()  # starts next week: later than the CDN's limit
    miss = client.get("/de/veranstaltungen/")
    hit = client.get("/de/veranstaltungen/")
    for response in (miss, hit):
        assert "public" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
        assert "s-maxage=600" in response["Cache-Control"] or "s-maxage=599" in response["Cache-Control"]


# --- Per-visitor values: CSRF token, submission token, CSP nonce -------------------------------------


def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def test_a_visitor_registers_from_a_cached_event_page(site):
    event = EventPageFactory(capacity=5)
    filler = Client(enforce_csrf_checks=True)
    visitor = Client(enforce_csrf_checks=True)
    first = filler.get(event.url)
    page = visitor.get(event.url)
    assert (first["X-Cache"], page["X-Cache"]) == ("MISS", "HIT")
    # Each visitor has their own CSRF cookie and token, and their own submission token.
    assert csrf_token(page) != csrf_token(first) and form_token(page) != form_token(first)
    assert visitor.cookies["csrftoken"].value != filler.cookies["csrftoken"].value
    # No CDN or browser may keep a page with per-visitor tokens.
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    data = registration_data(submission_token=form_token(page), csrfmiddlewaretoken=csrf_token(page))
    response = visitor.post(f"/de/participation/events/{event.pk}/register/", data)
    assert response.status_code == 302
    assert Registration.objects.get().submission_token == form_token(page)


def nonce_page(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>', content_type="text/html")


urlpatterns = [path("nonce/", nonce_page), path("accept/", accept_page), *site_urlpatterns]


@override_settings(ROOT_URLCONF=__name__)
def test_a_cached_page_carries_a_nonce_that_matches_its_own_header(client, site, settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", NONCE]}}
    first = Client().get("/nonce/")
    second = Client().get("/nonce/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    nonces = []
    for response in (first, second):
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_a_hit_with_a_current_copy_in_the_process_reads_only_the_generation(client, site, monkeypatch):
    from django.core.cache import cache

    client.get("/sitemap.xml")
    read = []
    for name in ("get", "get_many"):
        real = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda keys, *args, _real=real, **kwargs: read.append(keys) or _real(keys, *args, **kwargs)
        )
    assert client.get("/sitemap.xml")["X-Cache"] == "HIT"
    assert read == [store.GENERATION_KEY]


def test_a_copy_in_the_process_is_not_served_after_a_change_or_its_expiry(client, site, settings, monkeypatch):
    event = EventPageFactory(capacity=5)
    client.get("/de/veranstaltungen/")
    assert client.get("/de/veranstaltungen/")["X-Cache"] == "HIT"
    event.title = "Umbenannt"
    event.save_revision().publish()
    changed = client.get("/de/veranstaltungen/")
    assert changed["X-Cache"] == "MISS" and "Umbenannt" in changed.content.decode()
    assert client.get("/de/veranstaltungen/")["X-Cache"] == "HIT"
    # Past the entry's expiry (at the latest PAGE_CACHE_TIMEOUT) the copy goes with the cache's entry.
    later = store.time.time() + settings.PAGE_CACHE_TIMEOUT + 1
    monkeypatch.setattr(store.time, "time", lambda: later)
    assert client.get("/de/veranstaltungen/")["X-Cache"] == "MISS"


def test_recent_entries_keep_the_most_recently_used_within_their_size():
    from cms.page_cache.middleware import Entry

    def entry(size):
        return Entry(200, [], b"x" * size, 0, "g", expires_at=store.time.time() + 60)

    recent = store.RecentEntries(max_bytes=3 * (100 + store.RecentEntries.OVERHEAD))
    for key in "abc":
        recent.put(key, entry(100))
    recent.get("a")  # used: "b" is now the least recently used
    recent.put("d", entry(100))
    assert [key for key in "abcd" if recent.get(key)] == ["a", "c", "d"]
    recent.put("huge", entry(10_000))  # larger than the whole budget: not kept, nothing evicted for it
    assert recent.get("huge") is None and recent.size == 3 * (100 + store.RecentEntries.OVERHEAD)
