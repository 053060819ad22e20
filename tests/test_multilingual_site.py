"""The visitor site in four languages: language switcher, hreflang and Open Graph alternates,
lang/dir, and the marking of content that is not yet translated (aliases, German snippets).

The site is built as the lead's strategy has it: every German page has an alias in each other
locale (wagtail-localize's "synchronise from de"); some pages are really translated.
"""

import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from home.factories import build_minimal_site
from programmes.factories import (
    CallForParticipationPageFactory,
    ContactPointFactory,
    EventPageFactory,
    TopicPageFactory,
    VenueFactory,
    translate_page,
)

from .multilingual import alias_missing_pages, version
from .per_module import check_not_transactional, fresh, per_module_atomic

pytestmark = pytest.mark.django_db

LANGUAGES = {"de": ("de", "ltr"), "fr": ("fr", "ltr"), "ar-dz": ("ar-DZ", "rtl"), "en": ("en", "ltr")}


@pytest.fixture(scope="module")
def translated_site_per_module(django_db_setup, django_db_blocker):
    """The translated site, built once for this module (see tests/per_module.py)."""
    with per_module_atomic(django_db_blocker):
        yield build_translated_site()


@pytest.fixture
def translated_site(translated_site_per_module, db, request):
    """The translated site as freshly built: a test's writes are rolled back before the next test."""
    check_not_transactional(request)
    return fresh(translated_site_per_module)


def build_translated_site():
    site = build_minimal_site()
    for index in (site.topic_index, site.call_index, site.event_index, site.partnership_index):
        index.show_in_menus = True
        index.save_revision().publish()
    topic = TopicPageFactory(title="Abfallmanagement", slug="abfall", summary="Worum es bei Abfall geht.")
    call = CallForParticipationPageFactory(title="Aufruf Klimaschutz", slug="aufruf-klima", topics=[topic])
    event = EventPageFactory(
        title="Fachaustausch Wasser",
        slug="fachaustausch-wasser",
        summary="Ein Austausch über Wasser.",
        event_format="on_site",
        venue=VenueFactory(name="Rathaus Bonn", street_address="Markt 2", postal_code="53111", locality="Bonn"),
        topics=[topic],
    )
    # Real translations of the home page (French), the topic index and the topic (French and English).
    translate_page(site.home, "fr", title="Coopération municipale", intro="Des communes allemandes et maghrébines.")
    translate_page(site.topic_index, "fr", title="Thèmes", slug="themes")
    fr_topic = translate_page(topic, "fr", title="Gestion des déchets", slug="dechets", summary="Les déchets.")
    translate_page(site.home, "en", title="Municipal cooperation", intro="German and Maghreb municipalities.")
    translate_page(site.topic_index, "en", title="Topics", slug="topics")
    en_topic = translate_page(topic, "en", title="Waste management", slug="waste", summary="About waste.")
    alias_missing_pages()
    return SimpleNamespace(site=site, topic=topic, fr_topic=fr_topic, en_topic=en_topic, call=call, event=event)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    nav = soup.select_one("nav.language-switcher")
    return {a["hreflang"]: a for a in nav.select("a")}


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


def absolute(page):
    return page.get_full_url()


# --- lang and dir ------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_html_lang_and_dir_per_language(client, translated_site, code):
    lang, direction = LANGUAGES[code]
    for page in (
        translated_site.site.home,
        translated_site.topic,
        translated_site.call,
        translated_site.event,
        translated_site.site.call_index,
    ):
        soup = get(client, version(page, code).url)
        assert soup.html["lang"] == lang
        assert soup.html["dir"] == direction


# --- Language switcher ---------------------------------------------------------------------


def test_switcher_goes_to_real_translations(client, translated_site):
    links = switcher(get(client, translated_site.topic.url))
    assert links["fr"]["href"] == translated_site.fr_topic.url
    assert links["en"]["href"] == translated_site.en_topic.url
    assert links["de"]["href"] == translated_site.topic.url
    assert links["de"].get("aria-current") == "true"
    assert "aria-current" not in links["fr"].attrs
    assert links["fr"]["lang"] == "fr"
    assert links["ar-DZ"]["lang"] == "ar-DZ"


def test_switcher_sends_untranslated_to_home_with_notice(client, translated_site):
    # The topic has only an alias in Arabic: the Arabic link goes to the Arabic home page.
    links = switcher(get(client, translated_site.topic.url))
    ar_home = version(translated_site.site.home, "ar-dz")
    assert links["ar-DZ"]["href"] == f"{ar_home.url}?untranslated=1"
    # The call is translated nowhere: French and English links go to those home pages.
    links = switcher(get(client, translated_site.call.url))
    assert links["fr"]["href"] == "/fr/?untranslated=1"
    assert links["en"]["href"] == "/en/?untranslated=1"
    soup = get(client, "/fr/?untranslated=1")
    notice = soup.select_one(".notice--untranslated")
    assert notice is not None
    with translation.override("fr"):
        assert notice.text.strip() == gettext("The page you came from is not available in this language yet.")
    assert get(client, "/fr/").select_one(".notice--untranslated") is None


def test_switcher_on_an_alias_page_points_to_real_versions(client, translated_site):
    fr_call = version(translated_site.call, "fr")
    assert fr_call.alias_of_id
    links = switcher(get(client, fr_call.url))
    assert links["fr"]["href"] == fr_call.url
    assert links["fr"].get("aria-current") == "true"
    assert links["de"]["href"] == translated_site.call.url
    assert links["en"]["href"] == "/en/?untranslated=1"


def test_switcher_on_search_keeps_the_view(client, translated_site):
    links = switcher(get(client, "/fr/search/?q=eau"))
    assert links["de"]["href"] == "/de/search/?q=eau"
    assert links["ar-DZ"]["href"] == "/ar-dz/search/?q=eau"


# --- hreflang, canonical, Open Graph -------------------------------------------------------


def test_hreflang_lists_real_versions_with_absolute_urls_and_x_default(client, translated_site):
    links = alternates(get(client, translated_site.topic.url))
    assert links == {
        "de": absolute(translated_site.topic),
        "fr": absolute(translated_site.fr_topic),
        "en": absolute(translated_site.en_topic),
        "x-default": absolute(translated_site.topic),
    }
    assert all(href.startswith("http") for href in links.values())


def test_hreflang_is_reciprocal(client, translated_site):
    for page in (
        translated_site.topic,
        translated_site.site.home,
        translated_site.call,
        translated_site.site.topic_index,
    ):
        sets = {}
        for code in LANGUAGES:
            soup = get(client, version(page, code).url)
            sets[code] = alternates(soup)
        real = [code for code in LANGUAGES if not version(page, code).alias_of_id]
        for code in real:
            # Every real version lists the same set, and lists itself.
            assert sets[code] == sets[real[0]], (page.title, code)
            assert absolute(version(page, code)) in sets[code].values()
        for links in sets.values():
            # Aliases never appear as alternates.
            for href in links.values():
                assert not any(href == absolute(version(page, c)) for c in LANGUAGES if c not in real)
            assert set(links) == {*(LANGUAGES[c][0] for c in real), "x-default"}


def test_alias_page_is_canonicalised_to_the_source(client, translated_site):
    soup = get(client, version(translated_site.call, "fr").url)
    assert soup.select_one('link[rel="canonical"]')["href"] == absolute(translated_site.call)
    assert alternates(soup) == {"de": absolute(translated_site.call), "x-default": absolute(translated_site.call)}
    assert get(client, translated_site.call.url).select_one('link[rel="canonical"]') is None


def og(soup):
    locale = soup.select_one('meta[property="og:locale"]')["content"]
    return locale, sorted(meta["content"] for meta in soup.select('meta[property="og:locale:alternate"]'))


def test_og_locale_alternates_match_the_hreflang_set(client, translated_site):
    assert og(get(client, translated_site.topic.url)) == ("de_DE", ["en_GB", "fr_FR"])
    assert og(get(client, translated_site.fr_topic.url)) == ("fr_FR", ["de_DE", "en_GB"])
    # Only German exists for the call: no alternates; its French alias is German content.
    assert og(get(client, translated_site.call.url)) == ("de_DE", [])
    assert og(get(client, version(translated_site.call, "fr").url)) == ("de_DE", [])


# --- Untranslated content ------------------------------------------------------------------


def test_alias_page_marks_its_content_german_with_a_notice(client, translated_site):
    soup = get(client, version(translated_site.call, "fr").url)
    assert soup.html["lang"] == "fr"
    notice = soup.select_one("main .notice--untranslated")
    with translation.override("fr"):
        expected = gettext("This page has not been translated into this language yet. It is shown in %(language)s.")
        assert notice.text.strip() == expected % {"language": gettext("German")}
    assert "lang" not in notice.attrs
    h1 = soup.select_one("main h1")
    assert (h1["lang"], h1["dir"]) == ("de", "ltr")
    assert soup.select_one("main .lead")["lang"] == "de"
    # Interface labels stay in the visitor's language (no lang="de" on them).
    assert soup.select_one("#key-facts-heading").find_parent(attrs={"lang": "de"}) is None


def test_alias_page_in_arabic_content_is_ltr_german(client, translated_site):
    soup = get(client, version(translated_site.event, "ar-dz").url)
    assert (soup.html["lang"], soup.html["dir"]) == ("ar-DZ", "rtl")
    h1 = soup.select_one("main h1")
    assert (h1["lang"], h1["dir"]) == ("de", "ltr")
    assert soup.select_one("main .notice--untranslated") is not None


def test_translated_page_has_no_notice_and_no_foreign_lang(client, translated_site):
    soup = get(client, translated_site.fr_topic.url)
    assert soup.select_one(".notice--untranslated") is None
    assert soup.select_one("main h1").get("lang") is None


def test_german_page_in_german_is_not_marked(client, translated_site):
    soup = get(client, translated_site.call.url)
    assert soup.select_one(".notice--untranslated") is None
    assert not soup.select("main [lang=de]")
    assert not soup.select(".card__untranslated")


def test_listings_mark_untranslated_items(client, translated_site):
    soup = get(client, version(translated_site.site.call_index, "fr").url)
    card = soup.select_one(".card--call")
    assert card.select_one(".card__title")["lang"] == "de"
    assert card.select_one(".card__summary")["lang"] == "de"
    assert card.select_one(".card__untranslated").text.strip() == "Pas encore disponible dans votre langue."
    # The card's topic is translated: its tag is not marked.
    tag = card.select_one(".tag-list a")
    assert tag.text == "Gestion des déchets" and "lang" not in tag.attrs


def test_home_listing_marks_untranslated_items(client, translated_site):
    soup = get(client, "/en/")
    titles = {card.select_one(".card__title").text.strip(): card for card in soup.select(".card")}
    assert titles["Aufruf Klimaschutz"].select_one(".card__title")["lang"] == "de"
    assert titles["Fachaustausch Wasser"].select_one(".card__untranslated") is not None


def test_topic_page_related_lists_mark_untranslated_items(client, translated_site):
    soup = get(client, translated_site.fr_topic.url)
    cards = soup.select(".card")
    assert {card.select_one(".card__title").text.strip() for card in cards} == {
        "Aufruf Klimaschutz",
        "Fachaustausch Wasser",
    }
    assert all(card.select_one(".card__title")["lang"] == "de" for card in cards)


def test_navigation_and_breadcrumbs_mark_alias_titles(client, translated_site):
    soup = get(client, version(translated_site.call, "fr").url)
    nav = {a.text.strip(): a for a in soup.select(".main-nav a")}
    assert nav["Thèmes"].get("lang") is None
    assert nav["Aufrufe"]["lang"] == "de"
    crumbs = soup.select(".breadcrumbs a")
    assert crumbs[0].text.strip() == "Coopération municipale" and "lang" not in crumbs[0].attrs
    assert crumbs[1]["lang"] == "de"


def test_search_results_mark_aliases(client, translated_site):
    soup = get(client, "/fr/search/?q=Klimaschutz")
    result = soup.select_one(".search-result")
    assert result is not None, "an alias in the visitor's language must be found by search"
    assert result.select_one("h3")["lang"] == "de"
    assert result.select_one(".card__untranslated") is not None


def test_snippet_without_a_row_in_the_visitors_language_is_marked(client, translated_site):
    contact = ContactPointFactory(title="Servicestelle", email="info@example.org", phone="+49 228 123")
    translated_site.site.home.specific  # noqa: B018
    fr_topic = translated_site.fr_topic
    call = CallForParticipationPageFactory(title="Aufruf mit Kontakt", contact_point=contact)
    fr_call = translate_page(call, "fr", title="Appel avec contact")
    soup = get(client, fr_call.url)
    title = soup.select_one(".contact-point__title")
    assert title["lang"] == "de" and title.text == "Servicestelle"
    email = soup.select_one('.contact-point a[href^="mailto:"]')
    assert email["dir"] == "ltr" and email.bdi is not None
    assert fr_topic  # the translated site is unchanged


def test_latin_names_isolated_in_arabic(client, translated_site):
    soup = get(client, version(translated_site.event, "ar-dz").url)
    venue = soup.select_one("address.venue")
    assert [bdi.text for bdi in venue.select("bdi")][:2] == ["Rathaus Bonn", "Markt 2"]


def test_utc_offset_isolated_in_arabic_times(client, translated_site):
    event = EventPageFactory(title="Atelier Casablanca", time_zone="Africa/Casablanca")
    alias_missing_pages(["ar-dz"])
    html = client.get(version(event, "ar-dz").url).content.decode()
    assert re.search(r"<bdi>UTC\+1</bdi>", html)


def test_isolate_ltr_wraps_addresses_and_numbers_in_arabic_only():
    from cms.templatetags.site_tags import isolate_ltr

    text = "للتسجيل: info@example.org أو +49 228 20 717-1343، يوم 23/03/2021 <b>"
    with translation.override("ar-dz"):
        html = isolate_ltr(text)
    assert '<bdi dir="ltr">info@example.org</bdi>' in html
    assert '<bdi dir="ltr">+49 228 20 717-1343</bdi>' in html
    assert "23/03/2021" in html and '<bdi dir="ltr">23/03' not in html
    assert "&lt;b&gt;" in html
    with translation.override("fr"):
        assert "<bdi" not in isolate_ltr(text)
