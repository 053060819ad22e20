"""Search finds only the pages of the site's tree (its home page in each language and below), on the site
and in the API; the benchmark data set is made of such pages and answers every query of the query set."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory, StandardPageFactory
from home.models import StandardPage
from programmes.factories import translate_page
from search.management.commands.generate_search_dataset import CONTAINER_SLUG
from search.query import search_pages
from search.tests.corpus import QUERIES

pytestmark = pytest.mark.django_db


def titles(response):
    return [result["object"].title for result in response.context["results"]]


def api_titles(client, **params):
    data = client.get("/api/v2/pages/", {"search": "Zephyr", "fields": "title", **params}).json()
    assert data["meta"]["total_count"] == len(data["items"])
    return sorted(item["title"] for item in data["items"])


@pytest.fixture
def outside(site):
    """A live page outside every site (below the tree root, as the old benchmark generator made them)."""
    page = Page.get_first_root_node().add_child(
        instance=StandardPage(title="Zephyr draußen", slug="draussen", locale=site.locales["de"])
    )
    page.save_revision().publish()
    return page


def test_pages_outside_every_site_are_never_found(client, site, outside):
    StandardPageFactory(title="Zephyr drinnen")
    response = client.get("/de/search/", {"q": "Zephyr"})
    assert titles(response) == ["Zephyr drinnen"]
    assert response.context["page_obj"].paginator.count == 1
    assert 'href="None"' not in response.content.decode()
    suggestions = client.get("/de/search/suggest/", {"q": "Zeph"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Zephyr drinnen"]
    assert api_titles(client, locale="de") == ["Zephyr drinnen"]
    assert api_titles(client) == ["Zephyr drinnen"]


def test_the_site_search_keeps_to_the_current_site_the_api_to_every_site(client, site):
    StandardPageFactory(title="Zephyr eins")
    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="Zwei", slug="zwei")
    Site.objects.create(hostname="zwei.example", port=80, root_page=other_home, site_name="Zwei")
    StandardPageFactory(parent=other_home, title="Zephyr zwei")
    assert titles(client.get("/de/search/", {"q": "Zephyr"})) == ["Zephyr eins"]
    assert titles(client.get("/de/search/", {"q": "Zephyr"}, HTTP_HOST="zwei.example")) == ["Zephyr zwei"]
    assert api_titles(client, locale="de") == ["Zephyr eins", "Zephyr zwei"]


@pytest.fixture
def homes(site):
    return {"de": site.home} | {
        code: translate_page(site.home, code, title=f"Home {code}") for code in ("fr", "ar-dz", "en")
    }


def test_the_benchmark_data_set_is_under_the_home_pages_and_answers_every_query(homes):
    out = io.StringIO()
    call_command("generate_search_dataset", pages=96, stdout=out)
    assert "Created 96 pages" in out.getvalue()
    for code, home in homes.items():
        locale = Locale.objects.get(language_code=code)
        [container] = Page.objects.get(pk=home.pk).get_children().filter(slug=CONTAINER_SLUG)  # fresh numchild
        generated = StandardPage.objects.child_of(container)
        assert generated.count() == 24 and all(page.url.startswith(f"/{code}/") for page in generated)
        ids = set(generated.values_list("pk", flat=True))
        for query, _key in QUERIES[code]:
            found = {page.pk for page in search_pages(Page.objects.all(), query, locale)}
            # Both halves answer: the text in the summary and the text in the body.
            answered = StandardPage.objects.filter(pk__in=found & ids)
            assert {bool(page.body.raw_data) for page in answered} == {True, False}, (code, query)
    # Running it again replaces the data set.
    call_command("generate_search_dataset", pages=8, stdout=io.StringIO())
    assert StandardPage.objects.filter(slug__startswith="p").count() == 8
