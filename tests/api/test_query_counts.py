"""List endpoints cost the same number of queries for 10 and for 100 items (pinned)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.page_cache import store
from cms.renditions import IMAGE_RENDITION, THUMBNAIL_RENDITION
from programmes.factories import (
    CallForParticipationPageFactory,
    EventPageFactory,
    OrganisationFactory,
    PartnershipFactory,
    VenueFactory,
)
from programmes.models import Partnership

pytestmark = pytest.mark.django_db

CALL = "programmes.CallForParticipationPage"

# (url, params) → queries, whatever the number of items.
BUDGETS = {
    ("/api/v2/pages/", ()): 5,
    # Each translatable relation (topics, phase, applicant types …) costs one query, also when every item
    # is in the relation's language already, so that the count does not depend on the languages shown.
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"),)): 13,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"), ("locale", "de"), ("fields", "*"))): 15,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("upcoming", "true"))): 15,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("fields", "*"))): 15,
    # search: the site search's ranking and count (search.query), then the same preparation as a listing.
    # SQLite reads the relevance ranking in a query of its own (search/backends/sqlite.py): one more.
    ("/api/v2/pages/", (("search", "Massenaufruf"),)): {"sqlite": 6, "postgresql": 5},
    ("/api/v2/pages/", (("type", CALL), ("locale", "de"), ("search", "Massenaufruf"))): {
        "sqlite": 16,
        "postgresql": 15,
    },
    (
        "/api/v2/pages/",
        (("type", CALL), ("search", "Massenaufruf"), ("order", "-deadline")),
    ): 13,
    # +1 for the partnership indexes their url field points into.
    ("/api/v2/partnerships/", ()): 10,
    ("/api/v2/partnerships/", (("search", "Stadt"),)): {"sqlite": 11, "postgresql": 10},
    ("/api/v2/partnerships/", (("search", "Stadt"), ("locale", "de"))): {"sqlite": 13, "postgresql": 12},
    ("/api/v2/organisations/", ()): 4,
    ("/api/v2/places/", ()): 4,
    # +2: the listing page (rel="alternate") and the Site (the feed's own address). The Locale is looked up
    # once per request (cms/request_cache.py), no longer twice.
    ("/de/feeds/calls.atom", ()): 5,
    ("/de/feeds/events.atom", ()): 5,
    ("/de/calendar/events.ics", ()): 3,
    ("/sitemap.xml", ()): 6,  # +2: the partnership indexes and the partnerships
    # The widget's frame: its script reads the API above; the frame itself only finds the index links.
    ("/widget/", (("kind", "calls"), ("lang", "fr"))): 2,
    ("/widget/", (("kind", "events"), ("lang", "ar-dz"))): 2,
}


def empty_content_cache():
    """A new content generation (cms/content_cache.py) whose next date-driven change is known: the next
    request serializes every item, as after an edit, and counts only that."""
    store.new_generation()
    store.expiry(store.generation())


def count(client, url, params, warm=False):
    """Queries of one answer: cold (every item serialized) unless ``warm`` (asked right before)."""
    if warm:
        client.get(url, dict(params))
    else:
        empty_content_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, dict(params))
    assert response.status_code == 200, response.content[:300]
    return len(queries), response


@pytest.fixture
def many(api_content):
    for n in range(100):
        CallForParticipationPageFactory(
            title=f"Massenaufruf {n}",
            topics=[api_content.waste, api_content.water],
            countries=[api_content.dz],
            eligible_types=[api_content.staedte],
            phase=api_content.phase,
        )
        EventPageFactory(
            title=f"Massenveranstaltung {n}",
            event_format="hybrid",
            venue=VenueFactory(),
            topics=[api_content.waste],
            countries=[api_content.tn],
            organiser=OrganisationFactory(),
            related_call=api_content.call,
        )
        if n < 60:
            PartnershipFactory(topics=[api_content.waste], phase=api_content.phase)
    # 40 French rows after the German ones: the first 10 rows are German, 100 rows both languages.
    french = Locale.objects.get(language_code="fr")
    for partnership in Partnership.objects.order_by("pk")[1:41]:
        partnership.copy_for_translation(french).save()
    return api_content


# Warm, as in production: the items come from the content cache (cms/content_cache.py) and the view
# restrictions from the cached site frame (cms/site_chrome.py), so a list costs its Locale, the count and
# the items, whatever the type, fields and languages; a detail answer the page, its specific row and its
# Locale.
WARM_BUDGETS = {
    ("/api/v2/pages/", ()): 2,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"),)): 2,
    ("/api/v2/pages/", (("type", "programmes.CallForParticipationPage"), ("locale", "de"), ("fields", "*"))): 3,
    ("/api/v2/pages/", (("type", "programmes.EventPage"), ("fields", "*"))): 2,
}


def test_page_lists_and_details_are_served_from_the_content_cache_when_warm(client, many, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    measured = {}
    for url, params in WARM_BUDGETS:
        client.get(url, dict(params))  # warm the per-process caches (site root paths, content types)
        measured[(url, params)] = tuple(
            count(client, url, params + (("limit", limit),), warm=True)[0] for limit in ("10", "100")
        )
    call = many.call
    client.get(f"/api/v2/pages/{call.pk}/")
    measured["detail"] = (count(client, f"/api/v2/pages/{call.pk}/", (), warm=True)[0],) * 2
    assert all(few == lots for few, lots in measured.values()), measured
    assert {key: lots for key, (_few, lots) in measured.items()} == {**WARM_BUDGETS, "detail": 3}, measured


def test_flat_query_counts(client, many, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    measured = {}
    for url, params in BUDGETS:
        client.get(url, dict(params))  # warm the per-process caches (site root paths, content types)
        few, _ = count(client, url, params + (("limit", "10"),) if url.startswith("/api/") else params)
        lots, response = count(client, url, params + (("limit", "100"),) if url.startswith("/api/") else params)
        if url.startswith("/api/"):
            data = response.json()
            assert len(data["items"]) == min(100, data["meta"]["total_count"]) > 50, url
        measured[(url, params)] = (few, lots)
    for key, (few, lots) in measured.items():
        assert few == lots, (key, few, lots)
        budget = BUDGETS[key]
        assert lots == (budget[connection.vendor] if isinstance(budget, dict) else budget), str(measured)


# Every field of each page type whose rich text and StreamFields link pages, documents, images and
# contact points: type → queries for a page of results, whatever its size and languages.
RICH_BUDGETS = {
    # Restrictions, count, items, translations, the Site; one query each for the linked pages (with their
    # translations), documents, images, renditions and contact points; then the type's own relations.
    ("programmes.ProgrammePage", "*"): 17,
    ("programmes.ProgrammePage", None): 12,
    ("programmes.ProgrammePhasePage", "*"): 11,
    ("home.HomePage", "*"): 12,
    ("home.StandardPage", "*"): 10,
    ("programmes.TopicPage", "*"): 13,  # + the alternative texts of the topics' images, all languages at once
}


@pytest.fixture
def rich(db, settings, tmp_path):
    from tests.api.conftest import build_rich_content

    # 60 German and 40 French pages of each type: 10 items are German only, 100 both languages.
    return build_rich_content(60, 40, settings, tmp_path)


def test_flat_query_counts_with_every_field(client, rich, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    measured = {}
    for page_type, fields in RICH_BUDGETS:
        params = {"type": page_type, **({"fields": fields} if fields else {})}
        client.get("/api/v2/pages/", {**params, "limit": 100})  # warm the caches
        counts = []
        for limit in (10, 100):
            queries, response = count(client, "/api/v2/pages/", tuple({**params, "limit": str(limit)}.items()))
            assert len(response.json()["items"]) == limit
            counts.append(queries)
        measured[(page_type, fields)] = tuple(counts)
    assert all(few == lots for few, lots in measured.values()), measured
    assert {key: lots for key, (_few, lots) in measured.items()} == RICH_BUDGETS, measured


def test_flat_query_counts_for_media_and_reference_data(client, site, settings, tmp_path):
    """Images (with their renditions), documents, countries, regions and the index, at 10 and 100 items."""
    import pycountry
    import wagtail_factories

    from programmes.factories import CountryFactory, RegionFactory

    settings.MEDIA_ROOT = str(tmp_path)
    settings.WAGTAILAPI_LIMIT_MAX = 100
    for n in range(100):
        image = wagtail_factories.ImageFactory(title=f"Bild {n}")
        image.get_renditions(IMAGE_RENDITION, THUMBNAIL_RENDITION)  # the worker makes them (cms/renditions.py)
        wagtail_factories.DocumentFactory(title=f"Dokument {n}")
    for country in list(pycountry.countries)[:100]:
        CountryFactory(code=country.alpha_2)
    for subdivision in list(pycountry.subdivisions.get(country_code="DZ"))[:58]:
        RegionFactory(code=subdivision.code, name=subdivision.name)
    for subdivision in list(pycountry.subdivisions.get(country_code="DE")):
        RegionFactory(code=subdivision.code, name=subdivision.name)
    for subdivision in list(pycountry.subdivisions.get(country_code="TN")):
        RegionFactory(code=subdivision.code, name=subdivision.name)
    # count, items, the Site; images: the restricted collections + the renditions; documents: the
    # restricted collections.
    budgets = {"/api/v2/images/": 5, "/api/v2/documents/": 4, "/api/v2/countries/": 3, "/api/v2/regions/": 3}
    measured = {}
    for url in budgets:
        client.get(url, {"limit": 100})  # warm the caches
        measured[url] = tuple(count(client, url, (("limit", str(limit)),))[0] for limit in (10, 100))
    assert {url: lots for url, (_few, lots) in measured.items()} == budgets, measured
    assert all(few == lots for few, lots in measured.values()), measured
    assert count(client, "/api/v2/", ())[0] == 1  # the Site, for absolute URLs
