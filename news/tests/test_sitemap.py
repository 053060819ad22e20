"""News pages in the sitemap, with hreflang alternates where translated."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_items_with_their_translations(client, news):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}
    german = "http://testserver/de/aktuelles/auftaktkonferenz/"
    links = {link.get("hreflang"): link.get("href") for link in entries[german].findall(f"{XHTML}link")}
    assert links == {"de": german, "fr": links["fr"], "x-default": german}
    assert links["fr"].endswith("/conference-de-lancement/")
    assert "http://testserver/de/aktuelles/" in entries
    assert not entries["http://testserver/de/aktuelles/wassermeldung/"].findall(f"{XHTML}link")
