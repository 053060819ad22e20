"""Partnerships (snippets, a row per language) in site search, their own pages, suggestions and the index.

Run on both databases: SQLite by default, PostgreSQL with DATABASE_URL=postgres://….
"""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from programmes.factories import (
    CountryFactory,
    PartnershipFactory,
    RegionFactory,
    TopicPageFactory,
    translate_page,
)
from programmes.models import Partnership
from tests.multilingual import alias_missing_pages

pytestmark = pytest.mark.django_db


def translate_partnership(partnership, language_code, **changes):
    """The partnership's row in another language, as wagtail-localize writes it when a translation is saved."""
    translation = partnership.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    translation.topics.set(list(partnership.topics.all()))
    translation.save()
    return translation


@pytest.fixture
def partnerships_and_topics(site):
    dz, tn = CountryFactory(code="DZ"), CountryFactory(code="TN")
    bavaria = RegionFactory(code="DE-BY", name="Bayern")
    tlemcen = RegionFactory(code="DZ-13", name="Tlemcen")
    waste = TopicPageFactory(title="Abfallwirtschaft", slug="abfallwirtschaft", summary="Sammlung.")
    heritage = TopicPageFactory(title="Kulturerbe", slug="kulturerbe", summary="Altstädte.")
    translate_page(site.home, "fr", title="Accueil")
    fr_index = translate_page(site.partnership_index, "fr", title="Partenariats", slug="partenariats")
    fr_topic_index = translate_page(site.topic_index, "fr", title="Thèmes", slug="themes")
    fr_waste = translate_page(waste, "fr", title="Gestion des déchets", slug="gestion-des-dechets", summary="Collecte.")
    translate_page(site.home, "ar-dz", title="الرئيسية")
    bamberg = PartnershipFactory(
        german_partner="Bamberg",
        german_state=bavaria,
        maghreb_partner="Tlemcen",
        country=dz,
        region=tlemcen,
        focus="Sanierung der Altstadt",
        topics=[waste, heritage],
        since=2021,
    )
    fr_bamberg = translate_partnership(bamberg, "fr", focus="Réhabilitation de la vieille ville")
    ar_bamberg = translate_partnership(bamberg, "ar-dz", maghreb_partner="تلمسان", focus="ترميم المدينة القديمة")
    wolfsburg = PartnershipFactory(
        german_partner="Wolfsburg", maghreb_partner="Jendouba", country=tn, focus="Grünflächen", status="planned"
    )
    # The Arabic site has no partnership index of its own yet: an alias of the German one.
    alias_missing_pages(["ar-dz"])
    return locals()


def results(response):
    return [result["object"] for result in response.context["results"]]


def search(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.status_code
    return response


# --- Site search --------------------------------------------------------------------------------------


def test_found_by_partner_town_in_the_visitors_language(client, partnerships_and_topics):
    response = search(client, "de", q="Tlemcen")
    assert [item.pk for item in results(response)] == [partnerships_and_topics["bamberg"].pk]
    html = response.content.decode()
    assert 'href="/de/partnerschaften/{}-bamberg-tlemcen/"'.format(partnerships_and_topics["bamberg"].pk) in html
    assert "Bamberg – <mark>Tlemcen</mark>" in html
    assert '<span class="search-result__type">Partnerschaft</span>' in html
    assert "status--active" in html and "Seit 2021" in html
    # French: the French row, under the French index.
    response = search(client, "fr", q="vieille ville")
    assert [item.pk for item in results(response)] == [partnerships_and_topics["fr_bamberg"].pk]
    assert (
        f'href="/fr/partenariats/{partnerships_and_topics["fr_bamberg"].pk}-bamberg-tlemcen/"'
        in response.content.decode()
    )
    assert "Réhabilitation de la <mark>vieille</mark> <mark>ville</mark>" in response.content.decode()
    # The German row's text is not what a French visitor reads: its words do not find it there.
    assert results(search(client, "fr", q="Altstadt", type="partnership")) == []
    # Arabic: the Arabic row (a prefix such as ب is still matched), under the alias index.
    assert [item.pk for item in results(search(client, "ar-dz", q="بتلمسان"))] == [
        partnerships_and_topics["ar_bamberg"].pk
    ]


def test_untranslated_partnership_is_found_in_german_and_marked(client, partnerships_and_topics):
    response = search(client, "fr", q="Wolfsburg")
    assert [item.pk for item in results(response)] == [partnerships_and_topics["wolfsburg"].pk]
    html = response.content.decode()
    assert '<h3 lang="de" dir="ltr">' in html
    assert "Pas encore disponible dans votre langue." in html or "card__untranslated" in html
    assert f'href="/fr/partenariats/{partnerships_and_topics["wolfsburg"].pk}-wolfsburg-jendouba/"' in html


def test_found_by_focus_topic_and_place_names(client, partnerships_and_topics):
    assert results(search(client, "de", q="Grünflächen", type="partnership")) == [partnerships_and_topics["wolfsburg"]]
    assert results(search(client, "de", q="Tunesien", type="partnership")) == [partnerships_and_topics["wolfsburg"]]
    assert results(search(client, "de", q="Bayern", type="partnership")) == [partnerships_and_topics["bamberg"]]
    # A topic's title, in the partnership's own language.
    assert results(search(client, "de", q="Kulturerbe", type="partnership")) == [partnerships_and_topics["bamberg"]]
    assert results(search(client, "fr", q="déchets", type="partnership")) == [partnerships_and_topics["fr_bamberg"]]
    # … and Algeria is "Algérie" to a French visitor.
    assert results(search(client, "fr", q="Algérie", type="partnership")) == [partnerships_and_topics["fr_bamberg"]]


def test_merged_with_pages_and_filtered(client, partnerships_and_topics):
    found = results(search(client, "de", q="Abfallwirtschaft"))
    assert set(map(type, found)) == {type(partnerships_and_topics["waste"]), Partnership}
    assert results(search(client, "de", q="Abfallwirtschaft", type="topic")) == [partnerships_and_topics["waste"]]
    assert results(search(client, "de", q="Abfallwirtschaft", type="partnership")) == [
        partnerships_and_topics["bamberg"]
    ]
    assert results(search(client, "de", q="Abfallwirtschaft", topic="abfallwirtschaft", type="partnership")) == [
        partnerships_and_topics["bamberg"]
    ]
    assert results(search(client, "de", q="Bamberg Tlemcen", country="TN")) == []
    assert results(search(client, "de", q="Wolfsburg", country="TN")) == [partnerships_and_topics["wolfsburg"]]
    assert results(search(client, "de", q="Bamberg", topic="kulturerbe")) == [partnerships_and_topics["bamberg"]]
    assert results(search(client, "de", q="Wolfsburg", topic="kulturerbe")) == []
    form_html = search(client, "de", q="x").content.decode()
    assert '<option value="partnership">Partnerschaften</option>' in form_html


def test_pagination_over_pages_and_partnerships(client, site):
    for n in range(13):
        TopicPageFactory(title=f"Sonderthema Brunnen {n}", slug=f"sonderthema-{n}")
        PartnershipFactory(german_partner=f"Brunnenstadt {n}", maghreb_partner=f"Ville {n}")
    seen = []
    for number in (1, 2, 3):
        response = search(client, "de", q="Brunnen", page=str(number))
        assert response.context["page_obj"].paginator.count == 26
        seen += [(type(item).__name__, item.pk) for item in results(response)]
    assert len(seen) == 26 and len(set(seen)) == 26
    assert {name for name, _pk in seen} == {"TopicPage", "Partnership"}
    assert client.get("/de/search/", {"q": "Brunnen", "page": "4"}).status_code == 404


def test_no_partnerships_without_a_published_index(client, partnerships_and_topics):
    index = partnerships_and_topics["site"].partnership_index
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="x")
    assert results(search(client, "de", q="Tlemcen")) == []
    PageViewRestriction.objects.all().delete()
    index.unpublish()
    partnerships_and_topics["fr_index"].unpublish()
    assert results(search(client, "de", q="Tlemcen")) == []
    assert results(search(client, "fr", q="Wolfsburg")) == []
    assert client.get("/de/search/suggest/", {"q": "Tlem"}).json()["suggestions"] == []


def test_suggestions(client, partnerships_and_topics):
    data = client.get("/de/search/suggest/", {"q": "Tlem"}).json()
    assert data["suggestions"] == [
        {
            "title": "Bamberg – Tlemcen",
            "url": f"/de/partnerschaften/{partnerships_and_topics['bamberg'].pk}-bamberg-tlemcen/",
            "type": "Partnerschaft",
            "lang": "",
        }
    ]
    data = client.get("/fr/search/suggest/", {"q": "Wolfs"}).json()
    assert [(s["title"], s["lang"]) for s in data["suggestions"]] == [("Wolfsburg – Jendouba", "de")]


# --- The index follows saves and deletions (no rebuild) ------------------------------------------------


def test_index_follows_save_and_delete(client, partnerships_and_topics):
    partnership = PartnershipFactory(german_partner="Zisternenstadt", maghreb_partner="Oase")
    assert results(search(client, "de", q="Zisternenstadt")) == [partnership]
    partnership.german_partner = "Brunnenstadt"
    partnership.save()
    assert results(search(client, "de", q="Zisternenstadt")) == []
    assert results(search(client, "de", q="Brunnenstadt")) == [partnership]
    # Topics are written after Wagtail's post_save indexing: saved together, found together.
    partnership.topics = [partnerships_and_topics["heritage"]]
    partnership.save()
    assert results(search(client, "de", q="Kulturerbe Oase")) == [partnership]
    partnership.delete()
    assert results(search(client, "de", q="Brunnenstadt")) == []


# --- The partnership's own page -----------------------------------------------------------------------


def page_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]


def test_detail_page(client, partnerships_and_topics):
    bamberg = partnerships_and_topics["bamberg"]
    url = f"/de/partnerschaften/{bamberg.pk}-bamberg-tlemcen/"
    html = page_html(client, url)
    assert "<h1><bdi>Bamberg</bdi> – <bdi>Tlemcen</bdi></h1>" in html
    assert '<p class="lead">Sanierung der Altstadt</p>' in html
    # Breadcrumbs: home, the index, the partnership.
    assert re.search(r'<nav class="breadcrumbs".*?/de/".*?/de/partnerschaften/".*?aria-current="page"', html, re.S)
    # hreflang: each language version under its own index; no canonical (this is the German version).
    fr_url = f"http://testserver/fr/partenariats/{partnerships_and_topics['fr_bamberg'].pk}-bamberg-tlemcen/"
    assert f'<link rel="alternate" hreflang="fr" href="{fr_url}">' in html
    assert (
        f'hreflang="ar-DZ" href="http://testserver/ar-dz/partnerschaften/{partnerships_and_topics["ar_bamberg"].pk}-'
        in html
    )
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{url}">' in html
    assert 'rel="canonical"' not in html
    # The language switcher leads to the French version; English has none (home page, marked).
    assert f'<a href="{fr_url}" lang="fr" hreflang="fr">' in html
    assert 'href="/en/?untranslated=1"' not in html  # no English home page in this site: no link at all
    assert '<meta property="og:title" content="Bamberg – Tlemcen">' in html
    assert f'<meta property="og:url" content="http://testserver{url}">' in html
    data = json_ld(html)
    assert len(data) == 1 and data[0]["@type"] == "WebPage" and data[0]["about"]["@type"] == "Project"
    assert [member["name"] for member in data[0]["about"]["member"]] == ["Bamberg", "Tlemcen"]
    assert data[0]["about"]["foundingDate"] == "2021"
    assert data[0]["about"]["keywords"] == ["Abfallwirtschaft", "Kulturerbe"]
    # Topics link to the topic pages in the visitor's language.
    fr_html = page_html(client, f"/fr/partenariats/{partnerships_and_topics['fr_bamberg'].pk}-bamberg-tlemcen/")
    assert 'href="/fr/themes/gestion-des-dechets/"' in fr_html
    assert "Réhabilitation de la vieille ville" in fr_html and 'lang="fr"' in fr_html


def test_arabic_detail_page_is_right_to_left(client, partnerships_and_topics):
    ar = partnerships_and_topics["ar_bamberg"]
    html = page_html(client, f"/ar-dz/partnerschaften/{ar.pk}-{ar.slug}/")
    assert '<html lang="ar-DZ" dir="rtl">' in html
    assert "<bdi>تلمسان</bdi>" in html
    assert "notice--untranslated" in html  # the index itself is an alias: the site says so once
    assert html.count("notice--untranslated") == 1


def test_untranslated_partnership_falls_back_to_german_and_is_marked(client, partnerships_and_topics):
    wolfsburg = partnerships_and_topics["wolfsburg"]
    url = f"/fr/partenariats/{wolfsburg.pk}-wolfsburg-jendouba/"
    html = page_html(client, url)
    assert '<h1 lang="de" dir="ltr">' in html
    assert "notice--untranslated" in html
    canonical = f"http://testserver/de/partnerschaften/{wolfsburg.pk}-wolfsburg-jendouba/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<link rel="alternate" hreflang="fr"' not in html  # the fallback is no French version
    assert json_ld(html)[0]["inLanguage"] == "de"


def test_addresses_redirect_and_unknown_ones_are_not_found(client, partnerships_and_topics):
    bamberg, fr_bamberg = partnerships_and_topics["bamberg"], partnerships_and_topics["fr_bamberg"]
    # Names changed or left out: the current address, permanently.
    response = client.get(f"/de/partnerschaften/{bamberg.pk}-alter-name/")
    assert response.status_code == 301 and response["Location"] == f"/de/partnerschaften/{bamberg.pk}-bamberg-tlemcen/"
    assert client.get(f"/de/partnerschaften/{bamberg.pk}/").status_code == 301
    # Another language's id: this language's version.
    response = client.get(f"/fr/partenariats/{bamberg.pk}-bamberg-tlemcen/")
    assert response.status_code == 302 and response["Location"] == f"/fr/partenariats/{fr_bamberg.pk}-bamberg-tlemcen/"
    response = client.get(f"/de/partnerschaften/{fr_bamberg.pk}-bamberg-tlemcen/")
    assert response.status_code == 302 and response["Location"].startswith(f"/de/partnerschaften/{bamberg.pk}-")
    # Unknown, and a partnership that exists only in English (neither French nor German): not found.
    english_only = PartnershipFactory(german_partner="Nur Englisch", locale=Locale.objects.get(language_code="en"))
    for url in (
        "/de/partnerschaften/987654-x/",
        f"/de/partnerschaften/{english_only.pk}-nur-englisch-{english_only.maghreb_partner.lower().replace(' ', '-')}/",
        f"/fr/partenariats/{english_only.pk}/",
        "/de/partnerschaften/12345678901234/",
        "/de/partnerschaften/abc/",
    ):
        assert client.get(url).status_code == 404, url


def test_no_page_under_an_unpublished_or_private_index(client, partnerships_and_topics):
    bamberg = partnerships_and_topics["bamberg"]
    url = f"/de/partnerschaften/{bamberg.pk}-bamberg-tlemcen/"
    PageViewRestriction.objects.create(
        page=partnerships_and_topics["site"].partnership_index, restriction_type="password", password="x"
    )
    response = client.get(url)
    assert response.status_code == 200 and "Bamberg" not in response.content.decode()  # the password form
    PageViewRestriction.objects.all().delete()
    partnerships_and_topics["site"].partnership_index.unpublish()
    assert client.get(url).status_code == 404
    assert bamberg.get_url() is None


def test_listing_and_topic_cards_link_to_the_partnership(client, partnerships_and_topics):
    listing = page_html(client, "/de/partnerschaften/")
    assert f'<a href="/de/partnerschaften/{partnerships_and_topics["bamberg"].pk}-bamberg-tlemcen/">' in listing
    fr_listing = page_html(client, "/fr/partenariats/")
    assert f'<a href="/fr/partenariats/{partnerships_and_topics["fr_bamberg"].pk}-bamberg-tlemcen/">' in fr_listing
    assert f'<a href="/fr/partenariats/{partnerships_and_topics["wolfsburg"].pk}-wolfsburg-jendouba/">' in fr_listing
    topic = page_html(client, "/de/themen/kulturerbe/")
    assert f'href="/de/partnerschaften/{partnerships_and_topics["bamberg"].pk}-bamberg-tlemcen/"' in topic


def test_sitemap_lists_each_language_version(client, partnerships_and_topics):
    text = client.get("/sitemap.xml").content.decode()
    de = f"http://testserver/de/partnerschaften/{partnerships_and_topics['bamberg'].pk}-bamberg-tlemcen/"
    fr = f"http://testserver/fr/partenariats/{partnerships_and_topics['fr_bamberg'].pk}-bamberg-tlemcen/"
    assert f"<loc>{de}</loc>" in text and f"<loc>{fr}</loc>" in text
    entry = text[text.index(f"<loc>{fr}</loc>") :].split("</url>")[0]
    assert f'hreflang="de" href="{de}"' in entry and f'hreflang="x-default" href="{de}"' in entry
    # The German fallback under the French index is not listed again.
    assert f"/fr/partenariats/{partnerships_and_topics['wolfsburg'].pk}-" not in text


# --- Queries stay flat ----------------------------------------------------------------------------------

DETAIL_QUERY_CEILING = 22
SEARCH_QUERY_CEILING = 23  # as search/tests/test_site_search.py and cms/tests/test_query_counts.py


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(context.captured_queries)


def warm_count(client, url, params=None):
    """Queries of a second request: the first refills the caches that adding content emptied (navigation
    and footer live under the content generation, cms/site_chrome.py)."""
    count_queries(client, url, params)
    return count_queries(client, url, params)


def grow(partnerships_and_topics, total):
    existing = Partnership.objects.filter(german_partner__startswith="Massenstadt").count()
    for n in range(existing, total):
        PartnershipFactory(
            german_partner=f"Massenstadt {n}",
            maghreb_partner=f"Tlemcen {n}",
            country=partnerships_and_topics["dz"],
            topics=[partnerships_and_topics["waste"], partnerships_and_topics["heritage"]],
        )


def test_detail_page_query_count_is_flat(client, partnerships_and_topics):
    url = f"/fr/partenariats/{partnerships_and_topics['fr_bamberg'].pk}-bamberg-tlemcen/"
    grow(partnerships_and_topics, 10)
    few = warm_count(client, url)
    grow(partnerships_and_topics, 100)
    assert warm_count(client, url) == few <= DETAIL_QUERY_CEILING


def test_search_with_partnerships_query_count_is_flat(client, partnerships_and_topics):
    params = {"q": "Tlemcen"}
    grow(partnerships_and_topics, 10)
    few = warm_count(client, "/de/search/", params)
    grow(partnerships_and_topics, 100)
    assert warm_count(client, "/de/search/", params) == few <= SEARCH_QUERY_CEILING
    few_page_2 = count_queries(client, "/de/search/", {**params, "page": "2"})
    assert few_page_2 <= SEARCH_QUERY_CEILING
