"""The Atom feed of news, in each of the four languages."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize(
    ("language", "tag", "title"),
    [
        ("de", "de", "Aktuelles – Kommunale Zusammenarbeit Maghreb-Deutschland"),
        ("fr", "fr", "Actualités – Coopération municipale Maghreb-Allemagne"),
        ("ar-dz", "ar-DZ", "الأخبار – التعاون البلدي بين المغرب العربي وألمانيا"),
        ("en", "en", "News – Municipal Partnerships Maghreb-Germany"),
    ],
)
def test_feed_per_language(client, news, language, tag, title):
    response = client.get(f"/{language}/feeds/news.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.get(XML_LANG) == tag
    assert root.findtext(f"{ATOM}title") == title
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    if language == "fr":
        # The translated item in French; the others in German, and their entries say so.
        by_title = {entry.findtext(f"{ATOM}title"): entry.get(XML_LANG) for entry in entries}
        assert by_title["Conférence de lancement"] is None
        assert by_title["Wassermeldung"] == "de"


def test_feed_is_linked_from_every_page(client, news):
    html = client.get("/de/aktuelles/").content.decode()
    assert 'href="http://testserver/de/feeds/news.atom"' in html or 'href="/de/feeds/news.atom"' in html
