"""sitemap.xml lists what apps contribute as SitemapSource (cms/sitemap.py), beside the pages."""

import pytest
from django.test import RequestFactory

from cms.platform import SitemapSource, registry
from cms.sitemap import sitemap_xml


def guides(request):
    return [
        ("guide-1", "https://example.org/de/leitfaden/", "de", None),
        ("guide-1", "https://example.org/fr/guide/", "fr", None),
        ("guide-2", "https://example.org/de/zweiter/", "de", None),
    ]


@pytest.mark.django_db
def test_contributed_entries_are_listed_with_their_language_versions():
    with registry.override(SitemapSource("guide", guides), app_label="programmes"):
        xml = sitemap_xml(RequestFactory().get("/sitemap.xml"))
    assert xml.count("<loc>https://example.org/") == 3
    assert "<loc>https://example.org/fr/guide/</loc>" in xml
    # The two versions of guide-1 name each other, with the German one as x-default; guide-2 has one.
    assert xml.count('hreflang="fr" href="https://example.org/fr/guide/"') == 2
    assert xml.count('hreflang="x-default" href="https://example.org/de/leitfaden/"') == 2
    assert xml.count("https://example.org/de/zweiter/") == 1


@pytest.mark.django_db
def test_keys_of_different_sources_never_pair_up():
    same_key = SitemapSource("other", lambda request: [("guide-2", "https://example.org/fr/autre/", "fr", None)])
    with registry.override(SitemapSource("guide", guides), same_key, app_label="programmes"):
        xml = sitemap_xml(RequestFactory().get("/sitemap.xml"))
    assert 'hreflang="fr" href="https://example.org/fr/autre/"' not in xml
