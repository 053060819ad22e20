"""Atom feeds, iCalendar, sitemap with hreflang, robots.txt, discovery links, widget."""

import json
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_atom_feeds_per_language(client, api_content):
    feed = atom(client, "/fr/feeds/calls.atom")
    assert feed.get(XML_LANG) == "fr"
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert "Appel déchets" in titles and "Aufruf Abfall" not in titles
    # Untranslated calls appear in German, marked as such.
    german = [entry for entry in entries if entry.findtext(f"{ATOM}title") == "Aufruf kommt"][0]
    assert german.get(XML_LANG) == "de"
    for entry in entries:
        updated = entry.findtext(f"{ATOM}updated")
        assert updated and ("+" in updated or updated.endswith("Z")), updated  # RFC 3339
        assert entry.findtext(f"{ATOM}id")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    assert feed.findtext(f"{ATOM}updated") and feed.findtext(f"{ATOM}id")
    events = atom(client, "/ar-dz/feeds/events.atom")
    assert events.get(XML_LANG) == "ar-DZ"
    titles = [entry.findtext(f"{ATOM}title") for entry in events.findall(f"{ATOM}entry")]
    assert "تبادل حول النفايات" in titles and "Rückblick" not in titles


RFC_3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.mark.parametrize(
    "code,feed,listing,author",
    [
        ("de", "calls", "/de/aufrufe/", "Kommunale Zusammenarbeit Maghreb-Deutschland"),
        ("fr", "calls", "/fr/appels/", "Coopération municipale Maghreb-Allemagne"),
        ("de", "events", "/de/veranstaltungen/", "Kommunale Zusammenarbeit Maghreb-Deutschland"),
        ("ar-dz", "events", "/ar-dz/fealiyat/", "التعاون البلدي بين المغرب العربي وألمانيا"),
        ("en", "events", "/en/veranstaltungen/", "Municipal Partnerships Maghreb-Germany"),
    ],
)
def test_atom_feeds_are_valid_rfc_4287(client, api_content, code, feed, listing, author):
    url = f"/{code}/feeds/{feed}.atom"
    root = atom(client, url)
    assert root.tag == f"{ATOM}feed"

    def one(element, name):
        found = element.findall(f"{ATOM}{name}")
        assert len(found) == 1, (name, len(found))
        return found[0]

    def links(element):
        return {link.get("rel", "alternate"): link.get("href") for link in element.findall(f"{ATOM}link")}

    # §4.1.1: one id, title, updated; an author (here on the feed and on every entry).
    assert one(root, "id").text == f"http://testserver{url}"
    assert one(root, "title").text
    assert RFC_3339.match(one(root, "updated").text)
    assert one(one(root, "author"), "name").text == author
    # rel="alternate" is the HTML version, the listing in the feed's language; rel="self" the feed itself.
    feed_links = links(root)
    assert feed_links["self"] == f"http://testserver{url}"
    assert feed_links["alternate"] == f"http://testserver{listing}"
    page = client.get(listing)
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert one(entry, "id").text.startswith("http://testserver/")
        assert one(entry, "title").text
        assert RFC_3339.match(one(entry, "updated").text)
        assert one(one(entry, "author"), "name").text == author
        # §4.1.2: an entry without content has a rel="alternate" link.
        assert entry.find(f"{ATOM}content") is None and links(entry)["alternate"].startswith("http://testserver/")


def test_feed_links_in_head(client, api_content):
    html = client.get("/fr/").content.decode()
    # Contributed by programmes (cms.platform.Feed), in this order, with their titles translated.
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/fr/feeds/calls.atom"'
        ' title="Appels à participation (flux Atom)">\n'
        '    <link rel="alternate" type="application/atom+xml" href="/fr/feeds/events.atom"'
        ' title="Événements (flux Atom)">\n'
        '    <link rel="alternate" type="text/calendar" href="/fr/calendar/events.ics"'
        ' title="Événements (calendrier)">\n'
    ) in html


def parse_ics(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def check_timezones(calendar):
    tzids = {component.get("tzid") for component in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        for name in ("dtstart", "dtend"):
            prop = event.get(name)
            if "TZID" in prop.params:
                assert prop.params["TZID"] in tzids, (name, prop.params["TZID"], tzids)
        assert event.get("uid") and event.get("dtstamp")
    return tzids


def test_event_ics(client, api_content):
    calendar = parse_ics(client, f"/calendar/events/{api_content.event.pk}.ics")
    assert calendar.get("version") == "2.0" and calendar.get("prodid")
    assert calendar.get("name") == "Fachaustausch Abfall"
    assert calendar.get("refresh-interval")
    assert check_timezones(calendar) == {"Africa/Algiers"}
    (event,) = calendar.walk("VEVENT")
    assert event.get("dtstart").params["TZID"] == "Africa/Algiers"
    assert event.decoded("dtstart") == api_content.event.zoned_start
    assert "Bonn" in str(event.get("location"))
    assert "conference" not in event  # the join link is not public
    assert str(event.get("uid")) == f"{api_content.event.translation_key}@kommunale-zusammenarbeit-maghreb"
    # UID stable across requests and languages.
    again = parse_ics(client, f"/calendar/events/{api_content.ar_event.pk}.ics").walk("VEVENT")[0]
    assert again.get("uid") == event.get("uid")


def test_event_ics_conference_only_when_public(client, api_content):
    (event,) = parse_ics(client, f"/calendar/events/{api_content.online_event.pk}.ics").walk("VEVENT")
    assert str(event.get("conference")) == "https://video.example.org/public-room"


def test_language_calendar_feed(client, api_content):
    calendar = parse_ics(client, "/de/calendar/events.ics")
    summaries = sorted(str(event.get("summary")) for event in calendar.walk("VEVENT"))
    assert summaries == ["Fachaustausch Abfall", "Webinar Wasser"]
    assert check_timezones(calendar) == {"Africa/Algiers", "Europe/Berlin"}
    arabic = parse_ics(client, "/ar-dz/calendar/events.ics")
    assert "تبادل حول النفايات" in [str(event.get("summary")) for event in arabic.walk("VEVENT")]


@pytest.mark.parametrize("url", ["/de/calendar/events.ics", "/calendar/events/{pk}.ics"])
def test_refresh_properties_are_durations(client, api_content, url):
    """REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (Outlook) are RFC 5545 DURATIONs."""
    text = client.get(url.format(pk=api_content.event.pk)).content.decode()
    lines = text.replace("\r\n ", "").splitlines()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in lines
    assert "X-PUBLISHED-TTL:PT6H" in lines


def test_event_page_links_its_ics(client, api_content):
    html = client.get("/de/veranstaltungen/fachaustausch-abfall/").content.decode()
    assert f'href="/calendar/events/{api_content.event.pk}.ics"' in html


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_sitemap_with_hreflang(client, api_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}
    call_de = [loc for loc in entries if loc.endswith("/de/aufrufe/aufruf-abfall/")][0]
    links = {link.get("hreflang"): link.get("href") for link in entries[call_de].findall(f"{XHTML}link")}
    assert set(links) == {"de", "fr", "x-default"}
    assert links["fr"].endswith("/fr/appels/appel-dechets/")
    assert links["x-default"] == call_de
    # Reciprocal: the French entry lists the same set.
    french = entries[links["fr"]]
    assert {link.get("hreflang") for link in french.findall(f"{XHTML}link")} == {"de", "fr", "x-default"}
    # A page with no translation has no alternates; aliases are not listed.
    kommt = [loc for loc in entries if loc.endswith("/aufruf-kommt/")]
    assert len(kommt) == 1 and not entries[kommt[0]].findall(f"{XHTML}link")


def sitemap_locations(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def test_the_cached_sitemap_shows_each_change_at_once(client, site):
    from programmes.factories import CallForParticipationPageFactory, PartnershipFactory

    call = CallForParticipationPageFactory(slug="aufruf-abfall")
    partnership = PartnershipFactory(german_partner="Sindelfingen", maghreb_partner="Annaba")
    locations = sitemap_locations(client)
    assert any(loc.endswith("/aufruf-abfall/") for loc in locations)
    assert any(f"/{partnership.pk}-sindelfingen-annaba/" in loc for loc in locations)
    call.slug = "aufruf-kreislauf"
    call.save_revision().publish()
    partnership.german_partner = "Herrenberg"
    partnership.save()
    second = CallForParticipationPageFactory(slug="aufruf-wasser")
    locations = sitemap_locations(client)
    assert any(loc.endswith("/aufruf-kreislauf/") for loc in locations)
    assert not any(loc.endswith("/aufruf-abfall/") for loc in locations)
    assert any(f"/{partnership.pk}-herrenberg-annaba/" in loc for loc in locations)
    assert any(loc.endswith("/aufruf-wasser/") for loc in locations)
    second.unpublish()
    partnership.delete()
    locations = sitemap_locations(client)
    assert not any(loc.endswith("/aufruf-wasser/") or "-annaba/" in loc for loc in locations)


def test_robots_txt(client, api_content):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


PAGE_KINDS = [
    "home",
    "topic_index",
    "topic",
    "call_index",
    "call",
    "event_index",
    "event",
    "programme",
    "phase",
    "partnership_index",
    "partnership",
    "standard",
    "search",
]
LANGUAGES = {"de": "de", "fr": "fr", "ar-dz": "ar", "en": "en"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
META = re.compile(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"')


def page_url(api_content, kind, code):
    """(address, language of the text) of a page of this kind under language ``code``: its translation,
    else its alias, which shows the German text."""
    from wagtail.models import Locale

    from tests.multilingual import version

    if kind == "search":
        return f"/{code}/search/", code
    if kind == "partnership":
        return api_content.partnership.get_url(locale=Locale.objects.get(language_code=code)), "de"
    page = {
        "home": api_content.site.home,
        "topic_index": api_content.site.topic_index,
        "call_index": api_content.site.call_index,
        "event_index": api_content.site.event_index,
        "partnership_index": api_content.site.partnership_index,
        "topic": api_content.waste,
        "call": api_content.call,
        "event": api_content.event,
        "programme": api_content.programme,
        "phase": api_content.phase,
        "standard": api_content.standard,
    }[kind]
    shown = version(page, code)
    return shown.url, "de" if shown.alias_of_id else code


@pytest.fixture
def world_with_standard_page(api_content):
    from home.factories import StandardPageFactory
    from tests.multilingual import alias_missing_pages

    api_content.standard = StandardPageFactory(title="Impressum", slug="impressum", summary="Wer diese Seite betreibt.")
    api_content.standard.save_revision().publish()
    alias_missing_pages()
    return api_content


@pytest.mark.parametrize("code", list(LANGUAGES))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_open_graph_and_schema_org_on_every_page(client, world_with_standard_page, kind, code):
    url, language = page_url(world_with_standard_page, kind, code)
    assert url.startswith(f"/{code}/"), url
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    meta = dict(META.findall(html))
    assert meta.get("og:title"), (url, meta)
    assert meta.get("og:type") and meta.get("og:site_name"), (url, meta)
    assert meta.get("og:url", "").startswith("http://testserver/"), (url, meta)
    assert meta["og:locale"].split("_")[0] == LANGUAGES[language], (url, meta["og:locale"])
    scripts = JSON_LD.findall(html)
    assert scripts, url
    for script in scripts:
        data = json.loads(script)
        assert data["@context"] == "https://schema.org", url
        assert data["@type"] and (data.get("name") or data.get("headline")), (url, data)
        assert data.get("url", "").startswith("http://testserver/") or data.get("@id"), (url, data)


def test_widget(client, api_content):
    frame = client.get("/widget/", {"kind": "calls", "lang": "ar-dz", "topic": "abfallwirtschaft", "country": "DZ"})
    assert frame.status_code == 200
    html = frame.content.decode()
    assert '<html lang="ar-DZ" dir="rtl">' in html
    assert "widget/kz-widget-frame.js" in html and "https://" not in html.replace("http://", "")
    assert '"topic": "abfallwirtschaft"' in html
    assert "X-Frame-Options" not in frame
    assert client.get("/widget/", {"lang": "xx"}).status_code == 400
    assert client.get("/widget/", {"kind": "nothing"}).status_code == 400
    assert client.get("/widget/demo/").status_code == 200
    # What the frame's script asks the API for works.
    api = client.get(
        "/api/v2/pages/",
        {
            "type": "programmes.CallForParticipationPage",
            "locale": "ar-dz",
            "fallback": "true",
            "status": "open",
            "order": "deadline",
            "topic": "abfallwirtschaft",
            "country": "DZ",
            "limit": "5",
            "fields": "deadline,time_zone",
        },
    )
    assert api.status_code == 200
    assert [item["title"] for item in api.json()["items"]] == ["Aufruf Abfall"]
