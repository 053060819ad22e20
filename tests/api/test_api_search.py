"""The API's search parameter is the site search: same query and language, same pages and partnerships.

The site search at /<lang>/search/ and /api/v2/pages/?search=…&locale=… both call
search.query.search_pages (partnerships: search_snippets): the API reaches it as the search app's
"site_search" service (search/contributions.py), without importing the search app. Checked here over the fixed
per-language query set of search/tests/corpus.py plus queries that match several items, on the
database in use (run with DATABASE_URL=postgres://… for PostgreSQL).
"""

import pytest
from wagtail.models import Locale, Page

from cms.platform import registry
from home.factories import build_minimal_site
from programmes.factories import CallForParticipationPageFactory, PartnershipFactory
from programmes.models import Partnership
from search.tests.corpus import PARTNERSHIP_QUERIES, QUERIES, build_corpus, build_partnerships
from tests.multilingual import alias_missing_pages

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "fr", "ar-dz", "en"]
# Words that match several items in each language, so that the order is compared too.
BROAD_QUERIES = {
    "de": ["Kommunen", "Stadt", "Bürger", "Wasser"],
    "fr": ["communes", "ville", "citoyens", "eau"],
    "ar-dz": ["البلديات", "المدينة", "المواطنين", "المياه"],
    "en": ["municipalities", "town", "citizens", "water"],
}


@pytest.fixture
def corpus(db):
    site = build_minimal_site()
    pages = build_corpus()
    partnerships = build_partnerships()
    # A German-only call, and aliases wherever a page has no translation yet (as wagtail-localize makes them).
    CallForParticipationPageFactory(title="Aufruf Stadtwasser", summary="Kommunen für Wasserprojekte gesucht.")
    PartnershipFactory(german_partner="Bonn", maghreb_partner="Oujda", focus="Wasser für die Stadt")
    alias_missing_pages()
    return site, pages, partnerships


def site_results(client, language, query):
    """Every result of the site search, in order, over all its result pages: (pages, partnerships)."""
    pages, partnerships, number = [], [], 1
    while True:
        response = client.get(f"/{language}/search/", {"q": query, "page": number})
        assert response.status_code == 200, (language, query, response.status_code)
        for result in response.context["results"]:
            item = result["object"]
            (partnerships if isinstance(item, Partnership) else pages).append(item)
        page_obj = response.context["page_obj"]
        if page_obj is None or not page_obj.has_next():
            return pages, partnerships
        number += 1


def api_ids(client, url, **params):
    response = client.get(url, {"limit": 50, **params})
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert data["meta"]["total_count"] == len(data["items"])
    return [item["id"] for item in data["items"]]


def queries(language):
    return [query for query, _key in QUERIES[language] + PARTNERSHIP_QUERIES[language]] + BROAD_QUERIES[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_api_search_returns_what_the_site_search_finds(client, corpus, language):
    locale = Locale.objects.get(language_code=language)
    compared = 0
    for query in queries(language):
        site_pages, site_partnerships = site_results(client, language, query)
        # locale=xx: the visitor's language's own pages, in the site's relevance order.
        own = [page.pk for page in site_pages if page.locale_id == locale.pk and not page.alias_of_id]
        assert api_ids(client, "/api/v2/pages/", search=query, locale=language) == own, query
        # fallback=true adds what the site shows untranslated: the API names the German page an alias stands for.
        shown = {page.alias_of_id or page.pk for page in site_pages}
        assert set(api_ids(client, "/api/v2/pages/", search=query, locale=language, fallback="true")) == shown, query
        # Partnerships: that language's rows, in the same order.
        rows = [item.pk for item in site_partnerships if item.locale_id == locale.pk]
        assert api_ids(client, "/api/v2/partnerships/", search=query, locale=language) == rows, query
        compared += bool(own or rows)
    # The comparison is not vacuous: nearly every query finds something in this language.
    assert compared >= len(queries(language)) - 2, compared


def test_the_corpus_queries_find_their_page_through_the_api(client, corpus):
    _site, pages, partnerships = corpus
    for language in LANGUAGES:
        for query, key in QUERIES[language]:
            assert pages[key][language].pk in api_ids(client, "/api/v2/pages/", search=query, locale=language)
        for query, key in PARTNERSHIP_QUERIES[language]:
            found = api_ids(client, "/api/v2/partnerships/", search=query, locale=language)
            assert found[:1] == [partnerships[key][language].pk], (language, query, found)


def test_without_locale_every_language_is_searched(client, corpus):
    _site, pages, _partnerships = corpus
    found = set(api_ids(client, "/api/v2/pages/", search="Abfall"))
    assert pages["waste"]["de"].pk in found
    found = set(api_ids(client, "/api/v2/pages/", search="déchets"))
    assert pages["waste"]["fr"].pk in found and pages["waste"]["de"].pk not in found
    # Aliases never appear in the API, with or without search.
    assert not found & set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))


def test_search_with_filters_and_order(client, corpus):
    call = "programmes.CallForParticipationPage"
    ids = api_ids(client, "/api/v2/pages/", search="Kommunen", locale="de", type=call, order="title")
    titles = [Page.objects.get(pk=pk).title for pk in ids]
    assert titles == sorted(titles) and len(titles) == 2
    ids = api_ids(client, "/api/v2/pages/", search="Kommunen", locale="de", type=call, order="-title")
    assert [Page.objects.get(pk=pk).title for pk in ids] == sorted(titles, reverse=True)
    data = client.get("/api/v2/pages/", {"search": "Kommunen", "locale": "de", "type": call, "fields": "*"}).json()
    assert all(item["meta"]["type"] == call for item in data["items"])
    assert api_ids(client, "/api/v2/partnerships/", search="Tlemcen", country="TN") == []
    # Every language (the Arabic row writes the name in Arabic script).
    assert len(api_ids(client, "/api/v2/partnerships/", search="Tlemcen", country="DZ")) == 3


BAD_QUERIES = [
    "x" * 1000,
    "Abfall " * 150,
    '"Abfall"',
    '"unbalanced',
    "Abfall AND Wasser",
    "Abfall OR Wasser",
    "Abfall NEAR Wasser",
    "NEAR(Abfall Wasser)",
    "*",
    "Abf*",
    "%",
    "100%",
    "'; DROP TABLE wagtailcore_page; --",
    "\u202eAbfall\u202c",
    "\u200f\u061c النفايات",
    "title:Abfall",
    "-Abfall",
    "!Abfall & | <->",
    "\\",
    "   ",
]


@pytest.mark.parametrize(
    "url,params",
    [
        ("/api/v2/pages/", {}),
        ("/api/v2/pages/", {"locale": "ar-dz"}),
        ("/api/v2/pages/", {"locale": "fr", "fallback": "true", "order": "-first_published_at"}),
        ("/api/v2/pages/", {"type": "programmes.EventPage", "locale": "de", "order": "start"}),
        ("/api/v2/partnerships/", {}),
        ("/api/v2/partnerships/", {"locale": "de"}),
        ("/api/v2/organisations/", {}),
    ],
)
def test_bad_search_input_is_never_a_server_error(client, api_content, url, params):
    for query in BAD_QUERIES:
        response = client.get(url, {"search": query, **params})
        assert response.status_code == 200, (query, response.status_code, response.content[:300])
        assert isinstance(response.json()["items"], list)


def test_control_characters_are_a_400_or_removed(client, api_content):
    assert client.get("/api/v2/pages/", {"search": "Abfall\x00"}).status_code == 400
    data = client.get("/api/v2/pages/", {"search": "\u202eAbfall\u202c", "locale": "de"}).json()
    assert "Aufruf Abfall" in [item["title"] for item in data["items"]]


def test_without_the_site_search_service_the_api_searches_with_wagtail(client, corpus, monkeypatch):
    """A platform without the search app still answers ?search= (Wagtail's backend, no per-language
    analysis): the core depends on the service only when an app offers it."""
    _site, pages, partnerships = corpus
    assert registry.service("site_search") is not None  # the search app's, used by the tests above
    monkeypatch.setattr(registry, "service", lambda name, default=None: default)
    assert pages["waste"]["de"].pk in api_ids(client, "/api/v2/pages/", search="Abfall", locale="de")
    found = api_ids(client, "/api/v2/partnerships/", search="Oujda")
    assert found and set(found) <= set(Partnership.objects.values_list("pk", flat=True))
