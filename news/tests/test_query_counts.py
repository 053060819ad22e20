"""Query counts of the news pages, API and feed stay flat as news grows (2, 10, 100 items), warm and
after a change (cold), in German and in French; ceilings pinned as in cms/tests/test_query_counts.py."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.test import Client

from cms.page_cache import store
from home.factories import build_minimal_site
from news.factories import NewsIndexPageFactory, NewsItemPageFactory
from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    ProgrammePageFactory,
    TopicPageFactory,
    publish_ancestors_in,
    translate_page,
)
from tests.queries import count_queries

SIZES = (2, 10, 100)

# Warm: the listing's HTML and status, the item's related pages and the API items come from the content
# cache (cms/content_cache.py); the feed reads its items, the listing page (rel="alternate") and the Site.
CEILINGS = {
    ("listing", "de"): 2,
    ("listing", "fr"): 2,
    ("item", "de"): 2,
    ("item", "fr"): 2,
    ("api_listing", "de"): 2,
    ("api_item", "de"): 3,
    ("feed", "de"): 3,
    ("feed", "fr"): 3,
}
URLS = {
    ("listing", "de"): "/de/aktuelles/",
    ("listing", "fr"): "/fr/aktuelles/",
    ("item", "de"): "/de/aktuelles/meldung-0/",
    ("item", "fr"): "/fr/aktuelles/meldung-0/",
    ("api_listing", "de"): "/api/v2/pages/?type=news.NewsItemPage&fields=*&limit=50",
    ("api_item", "de"): None,  # the first item's detail, known once it exists
    ("feed", "de"): "/de/feeds/news.atom",
    ("feed", "fr"): "/fr/feeds/news.atom",
}


def build_base():
    site = build_minimal_site()
    index = NewsIndexPageFactory(parent=site.home)
    publish_ancestors_in(translate_page(index, "fr"))
    topics = [TopicPageFactory(title="Thema A"), TopicPageFactory(title="Thema B")]
    translate_page(topics[0], "fr", title="Thème A")
    return SimpleNamespace(
        index=index,
        topics=topics,
        countries=[CountryFactory(code=code) for code in ("DZ", "MA", "TN")],
        programme=ProgrammePageFactory(parent=site.home, slug="programm"),
        call=CallForParticipationPageFactory(),
        first=None,
        size=0,
    )


def grow(world, size):
    for n in range(world.size, size):
        item = NewsItemPageFactory(
            title=f"Meldung {n}",
            slug=f"meldung-{n}",
            date=datetime.date(2016, 1, 1) + datetime.timedelta(days=n),
            topics=[*world.topics, TopicPageFactory(title=f"Thema {n:03d}")],
            countries=world.countries,
            related_programme=world.programme,
            related_call=world.call,
            sources="Website der SKEW\ngiz.de",
        )
        if world.first is None:
            world.first = item
            translate_page(item, "fr", title="Actualité 0")
    world.size = size


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_base()
        urls = dict(URLS)
        warm = {key: {} for key in urls}
        cold = {key: {} for key in urls}
        for size in SIZES:
            grow(world, size)
            urls["api_item", "de"] = f"/api/v2/pages/{world.first.pk}/"
            if size == SIZES[0]:
                for url in urls.values():
                    Client().get(url)  # process-wide caches (content types …) are not per-page cost
            for key, url in urls.items():
                store.new_generation()  # as after a publish
                cold[key][size], warm[key][size] = count_queries(url)
        print("\nwarm:", warm, "\ncold:", cold)
        yield warm, cold
        transaction.set_rollback(True)


@pytest.mark.parametrize("key", list(URLS), ids="-".join)
def test_query_count_is_flat_and_under_ceiling(key, measured, db):
    warm, cold = measured[0][key], measured[1][key]
    assert warm[2] == warm[10] == warm[100], f"{key}: grows with content: {warm}"
    assert cold[2] == cold[10] == cold[100], f"{key}: grows with content after a change: {cold}"
    assert warm[100] <= CEILINGS[key], f"{key}: {warm[100]} queries"
