"""A search cluster that is down or failing: 503 "search unavailable", never a 500 (search/middleware.py).

The settings are the real ones for SEARCH_BACKEND=opensearch (search.backend_settings.search_backends),
with SEARCH_URL pointing at a loopback port nothing listens on, or at a stand-in that answers 500.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from search.backend_settings import search_backends
from tests.services import closed_port

PAGES = {"de": "/de/search/", "fr": "/fr/search/", "ar-dz": "/ar-dz/search/", "en": "/en/search/"}


class FailingCluster(BaseHTTPRequestHandler):
    def do_any(self):
        body = b'{"error": "internal", "status": 500}'
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = do_PUT = do_any

    def log_message(self, *args):
        pass


@pytest.fixture
def failing_cluster():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FailingCluster)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def cluster_at(url):
    return override_settings(WAGTAILSEARCH_BACKENDS=search_backends("opensearch", url, "kzfault"))


@pytest.fixture
def cluster_down(api_content):
    # After `api_content`: creating its pages with a cluster configured would try to index them there.
    with cluster_at(f"http://127.0.0.1:{closed_port()}"):
        yield


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(PAGES))
def test_the_search_page_says_search_is_unavailable(client, cluster_down, language):
    response = client.get(PAGES[language], {"q": "Abfall"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    with translation.override(language):
        title = gettext("Search unavailable")
        message = gettext("The search is unavailable at the moment. Please try again in a few minutes.")
    assert f"<h1>{title}</h1>" in html
    assert message in html
    assert f'<html lang="{language}"' in html.lower()  # the site's own page, in the visitor's language
    if language != "en":
        assert title != "Search unavailable", "not translated"


@pytest.mark.django_db
def test_the_german_page_in_german(client, cluster_down):
    html = client.get("/de/search/", {"q": "Abfall"}).content.decode()
    assert "Suche nicht verfügbar" in html


@pytest.mark.django_db
def test_the_search_page_without_a_query_does_not_ask_the_cluster(client, cluster_down):
    assert client.get("/de/search/").status_code == 200


@pytest.mark.django_db
def test_suggestions_answer_503_json(client, cluster_down):
    response = client.get("/fr/search/suggest/", {"q": "Abf"})
    assert response.status_code == 503
    payload = response.json()
    assert payload["suggestions"] == []
    with translation.override("fr"):
        assert payload["message"] == gettext(
            "The search is unavailable at the moment. Please try again in a few minutes."
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=Abfall",
        "/api/v2/pages/?search=Abfall&locale=fr",
        "/api/v2/partnerships/?search=Annaba",
        "/api/v2/images/?search=Rathaus",
        "/api/v2/documents/?search=Merkblatt",
    ],
)
def test_the_api_search_answers_503_with_a_message(client, cluster_down, url):
    response = client.get(url)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith("search is unavailable")


@pytest.mark.django_db
def test_the_rest_of_the_site_does_not_need_the_cluster(client, cluster_down):
    for url in ["/de/", "/api/v2/pages/", "/de/feeds/calls.atom", "/sitemap.xml"]:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_cluster_answering_500_is_unavailable_too(client, api_content, failing_cluster):
    with cluster_at(failing_cluster):
        page = client.get("/ar-dz/search/", {"q": "نفايات"})
        api = client.get("/api/v2/pages/", {"search": "Abfall"})
        suggestions = client.get("/de/search/suggest/", {"q": "Abf"})
    assert page.status_code == 503
    assert 'dir="rtl"' in page.content.decode()
    assert api.status_code == 503
    assert api.json()["message"].startswith("search is unavailable")
    assert suggestions.status_code == 503
