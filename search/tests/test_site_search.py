"""Site search: filters, result details, aliases, promotions, suggestions, leaks, index updates, bad input."""

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    PartnershipFactory,
    TopicPageFactory,
    add_draft_changes,
    make_draft,
    translate_page,
)
from search.query import search_pages

pytestmark = pytest.mark.django_db


def titles(response):
    return [result["object"].title for result in response.context["results"]]


@pytest.fixture
def searchable_content(site):
    algeria = CountryFactory(code="DZ")
    tunisia = CountryFactory(code="TN")
    waste = TopicPageFactory(title="Abfallwirtschaft", summary="Sammlung und Verwertung.")
    water = TopicPageFactory(title="Wasser", summary="Trinkwasser für alle.")
    call = CallForParticipationPageFactory(title="Aufruf Abfall Algerien", summary="Abfallprojekte gesucht.")
    call.topics.set([waste])
    call.countries.set([algeria])
    call.save_revision().publish()
    event = EventPageFactory(title="Workshop Abfall Tunesien", summary="Über <b>Abfall</b> & Recycling.")
    event.topics.set([water])
    event.countries.set([tunisia])
    event.save_revision().publish()
    # A partnership matches "Abfall" too: every test below also runs with snippet results in the mix.
    partnership = PartnershipFactory(
        german_partner="Abfallstadt", maghreb_partner="Annaba", country=algeria, focus="Abfallvermeidung"
    )
    return {"call": call, "event": event, "waste": waste, "water": water, "partnership": partnership}


# --- Filters, pagination, result details --------------------------------------------------------


def test_filter_by_type(client, searchable_content):
    assert titles(client.get("/de/search/", {"q": "Abfall", "type": "event"})) == ["Workshop Abfall Tunesien"]
    assert titles(client.get("/de/search/", {"q": "Abfall", "type": "topic"})) == ["Abfallwirtschaft"]
    assert titles(client.get("/de/search/", {"q": "Abfall", "type": "partnership"})) == ["Abfallstadt – Annaba"]


def test_filter_by_topic_and_country(client, searchable_content):
    assert titles(
        client.get("/de/search/", {"q": "Abfall", "topic": searchable_content["waste"].slug, "type": "call"})
    ) == ["Aufruf Abfall Algerien"]
    assert titles(client.get("/de/search/", {"q": "Abfall", "country": "TN"})) == ["Workshop Abfall Tunesien"]


@pytest.mark.parametrize(
    "params", [{"type": "unicorn"}, {"topic": "nope"}, {"country": "XX"}, {"country": "'; DROP TABLE x;--"}]
)
def test_unknown_filter_value_is_400_with_message(client, searchable_content, params):
    response = client.get("/de/search/", {"q": "Abfall", **params})
    assert response.status_code == 400
    messages = response.context["search_messages"]
    assert messages and escape(messages[0]) in response.content.decode()
    # The valid part of the request still gets results.
    assert "Aufruf Abfall Algerien" in titles(response)


def test_result_shows_type_status_date_and_escaped_highlighted_excerpt(client, searchable_content):
    html = client.get("/de/search/", {"q": "Abfall"}).content.decode()
    assert "status--open" in html  # the open call
    assert "status--upcoming" in html  # the event next week
    assert "<time datetime=" in html
    # The summary's markup is shown as text, the matched word is marked.
    assert "&lt;b&gt;<mark>Abfall</mark>&lt;/b&gt; &amp; Recycling" in html
    assert "<b>Abfall</b>" not in html


def test_filters_are_kept_in_pagination_links(client, site):
    for n in range(12):
        CallForParticipationPageFactory(title=f"Sonderaufruf {n}")
    html = client.get("/de/search/", {"q": "Sonderaufruf", "type": "call"}).content.decode()
    assert "q=Sonderaufruf&amp;type=call&amp;page=2" in html


# --- Languages and aliases ------------------------------------------------------------------------


def test_alias_in_visitors_locale_is_found_and_marked(client, searchable_content):
    fr = Locale.objects.get(language_code="fr")
    translate_page(Page.objects.get(pk=searchable_content["call"].get_parent().pk), "fr", title="Appels")
    alias = searchable_content["event"].create_alias(
        parent=Page.objects.get(locale=fr, translation_key=searchable_content["event"].get_parent().translation_key)
        if Page.objects.filter(
            locale=fr, translation_key=searchable_content["event"].get_parent().translation_key
        ).exists()
        else translate_page(searchable_content["event"].get_parent(), "fr", title="Événements"),
        update_locale=fr,
    )
    response = client.get("/fr/search/", {"q": "Abfall"})
    found = [result["object"] for result in response.context["results"]]
    assert alias.pk in [page.pk for page in found]
    assert all(page.locale_id == fr.pk or page.locale.language_code == "de" for page in found)
    html = response.content.decode()
    assert 'lang="de"' in html
    assert "search-result" in html


def test_translated_page_replaces_source_in_results(client, searchable_content):
    translate_page(searchable_content["waste"], "fr", title="Gestion des déchets", summary="Collecte.")
    found = titles(client.get("/fr/search/", {"q": "déchets"}))
    assert found == ["Gestion des déchets"]


# --- Promotions and popular queries -----------------------------------------------------------------


def promoted_section(html):
    start = html.index('<section aria-labelledby="promoted-heading"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("language", ["de", "fr", "ar-dz", "en"])
def test_promoted_pages_come_first_and_never_leak(client, searchable_content, language):
    draft = make_draft(TopicPageFactory, title="Geheimer Entwurf")
    # Water has a live French translation and an unpublished Arabic one; the event a live Arabic one.
    translate_page(searchable_content["water"], "fr", title="Eau potable", summary="De l'eau pour tous.")
    translate_page(searchable_content["water"], "ar-dz", publish=False, title="مسودة المياه")
    translate_page(searchable_content["event"], "ar-dz", title="ورشة النفايات")
    query = Query.get("abfall")
    SearchPromotion.objects.create(query=query, page=searchable_content["water"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)
    SearchPromotion.objects.create(query=query, page=searchable_content["event"], sort_order=2)
    response = client.get(f"/{language}/search/", {"q": "Abfall"})
    promoted = [result["page"] for result in response.context["promoted"]]
    water = "Eau potable" if language == "fr" else "Wasser"
    event = "ورشة النفايات" if language == "ar-dz" else "Workshop Abfall Tunesien"
    assert [page.title for page in promoted] == [water, event]
    assert [page.locale.language_code for page in promoted] == [
        "fr" if language == "fr" else "de",
        "ar-dz" if language == "ar-dz" else "de",
    ]
    html = response.content.decode()
    # The promoted pages are listed before the ordinary results, with their addresses in this language.
    assert html.index(water) < html.index('<ol class="search-results"')
    section = promoted_section(html)
    assert f'href="{promoted[0].url}"' in section and 'href="None"' not in section
    # What is shown in German to a visitor of another language is marked as not yet translated.
    untranslated = {"de": 0, "fr": 1, "ar-dz": 1, "en": 2}[language]
    assert section.count('class="card__untranslated"') == untranslated
    assert section.count('lang="de"') == 2 * untranslated  # the title and the excerpt
    for secret in ("Geheimer Entwurf", "مسودة المياه"):
        assert secret not in html


def test_searches_are_logged_for_the_editors_report(client, searchable_content, admin_client):
    for _ in range(3):
        client.get("/de/search/", {"q": "Abfall"})
    assert Query.get("Abfall").hits == 3
    report = admin_client.get("/admin/reports/popular-search-terms/")
    assert report.status_code == 200
    assert "abfall" in report.content.decode().lower()


def test_search_without_results_explains_shows_promotions_and_is_logged(client, searchable_content):
    SearchPromotion.objects.create(query=Query.get("zisterne"), page=searchable_content["water"], sort_order=0)
    response = client.get("/de/search/", {"q": "Zisterne"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    html = response.content.decode()
    assert "0 Ergebnisse für „Zisterne“" in html
    assert "Nichts entspricht „Zisterne“." in html
    assert "Rechtschreibung" in html  # the suggestions: spelling, fewer words
    assert [result["page"].title for result in response.context["promoted"]] == ["Wasser"]
    assert "Wasser" in promoted_section(html)
    assert Query.get("Zisterne").hits == 1
    # With a filter, the suggestions lead to the same search without it.
    html = client.get("/de/search/", {"q": "Zisterne", "type": "call"}).content.decode()
    assert 'href="?q=Zisterne"' in html
    assert Query.get("Zisterne").hits == 2


# --- Suggestions ------------------------------------------------------------------------------------


def test_suggestions_json(client, searchable_content):
    data = client.get("/de/search/suggest/", {"q": "Abfallw"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Abfallwirtschaft"]
    assert data["suggestions"][0]["url"].startswith("/de/")


def test_form_works_without_javascript(client, searchable_content):
    html = client.get("/de/search/").content.decode()
    assert 'method="get"' in html and 'name="q"' in html and 'type="submit"' in html
    assert "search/autocomplete.js" in html


# --- Never leaks; the index follows publishing ----------------------------------------------------


def test_drafts_private_and_unpublished_translations_never_appear(client, searchable_content):
    make_draft(CallForParticipationPageFactory, title="Abfall Entwurf")
    private = CallForParticipationPageFactory(title="Abfall privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
    add_draft_changes(searchable_content["call"], title="Abfall neuer Entwurfstitel")
    translate_page(searchable_content["call"], "fr", publish=False, title="Appel déchets brouillon")
    for url, q in [("/de/search/", "Abfall"), ("/fr/search/", "déchets"), ("/fr/search/", "Abfall")]:
        html = client.get(url, {"q": q}).content.decode()
        suggestions = str(client.get(url + "suggest/", {"q": q}).json())
        for secret in ("Entwurf", "privat", "brouillon", "Entwurfstitel"):
            assert secret not in html and secret not in suggestions, (url, q, secret)


def test_index_follows_publish_and_unpublish(client, site):
    page = make_draft(CallForParticipationPageFactory, title="Zisternenbau")
    assert titles(client.get("/de/search/", {"q": "Zisterne"})) == []
    page.get_latest_revision().publish()
    assert titles(client.get("/de/search/", {"q": "Zisterne"})) == ["Zisternenbau"]
    page = Page.objects.get(pk=page.pk).specific
    page.title = "Brunnenbau"
    page.save_revision().publish()
    assert titles(client.get("/de/search/", {"q": "Zisterne"})) == []
    assert titles(client.get("/de/search/", {"q": "Brunnen"})) == ["Brunnenbau"]
    page.unpublish()
    assert titles(client.get("/de/search/", {"q": "Brunnen"})) == []


# --- Bad input --------------------------------------------------------------------------------------

BAD_QUERIES = [
    "",
    "   ",
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
    "1' OR '1'='1",
    "\u202eAbfall\u202c",
    "\u200f\u061c النفايات",
    "\x00",
    "{title body}: x",
    "title:Abfall",
    "-Abfall",
    "^Abfall",
    "Abfall:*",
    "!Abfall & | <->",
    "\\",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_get_a_results_page(client, searchable_content, query):
    for language in ("de", "ar-dz"):
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200, query
        assert client.get(f"/{language}/search/suggest/", {"q": query}).status_code == 200


def test_rtl_controls_are_removed_from_the_echoed_query(client, searchable_content):
    response = client.get("/de/search/", {"q": "\u202eAbfall\u202c"})
    assert response.context["search_query"] == "Abfall"
    assert titles(response)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(max_size=300)
    | st.lists(
        st.sampled_from(['"', "*", "%", "AND", "OR", "NEAR", "NOT", "(", ")", ":", "'", "\u202e", "Abfall", "-"])
    ).map(" ".join),
    kind=st.sampled_from(["", "call", "x"]),
    page=st.sampled_from(["", "1", "2", "-1", "abc"]),
)
def test_fuzzed_input_never_fails(client, searchable_content, query, kind, page):
    params = {"q": query, "type": kind, "page": page}
    response = client.get("/de/search/", params)
    assert response.status_code in (200, 400, 404)
    assert client.get("/fr/search/suggest/", {"q": query}).status_code == 200
    list(search_pages(Page.objects.all(), query, Locale.get_default())[:10])


# --- Performance (the search page's budget: test_query_budget.py) -------------------------------------


def test_suggestions_query_count(client, searchable_content, django_assert_max_num_queries):
    client.get("/de/search/suggest/", {"q": "Abf"})
    with django_assert_max_num_queries(8):
        client.get("/de/search/suggest/", {"q": "Abf"})
