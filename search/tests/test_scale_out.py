"""The OpenSearch / Elasticsearch settings, checked as far as possible without a cluster.

No cluster can run here. What can be checked is checked: the settings the environment produces,
the per-language index settings and mappings Wagtail would send, and that a visitor's search goes
to their language's indexes with the right filters (the client is replaced, nothing is sent).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from programmes.models import EventPage
from search.backend_settings import LANGUAGE_ANALYSERS, search_backends
from search.query import search_pages

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = search_backends("opensearch", "http://127.0.0.1:9", "kz")


def test_the_database_backend_is_the_default():
    assert search_backends() == {"default": {"BACKEND": "search.backends"}}
    assert search_backends("") == search_backends("database")


@pytest.mark.parametrize(
    ("kind", "module"),
    [
        ("opensearch", "wagtail.search.backends.opensearch2"),
        ("elasticsearch", "wagtail.search.backends.elasticsearch8"),
    ],
)
def test_a_cluster_gets_one_backend_per_language_with_its_analyser(kind, module):
    backends = search_backends(kind, "https://search.example.org:9200", "kz")
    assert set(backends) == {"default", "de", "fr", "ar", "en"}
    for language in ("de", "fr", "ar", "en"):
        backend = backends[language]
        assert backend["BACKEND"] == module
        assert backend["URLS"] == ["https://search.example.org:9200"]
        assert backend["INDEX_PREFIX"] == f"kz_{language}_"
        assert backend["AUTO_UPDATE"] is True
        analysers = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]
        assert analysers["default"] == {"type": LANGUAGE_ANALYSERS[language]}
    # The admin searches the German indexes, which the "de" entry already keeps up to date.
    assert backends["default"]["INDEX_PREFIX"] == "kz_de_"
    assert backends["default"]["AUTO_UPDATE"] is False


@pytest.mark.parametrize(
    ("kind", "url", "message"),
    [("solr", "http://x", "must be database, opensearch or elasticsearch"), ("opensearch", "", "needs SEARCH_URL")],
)
def test_a_wrong_setting_stops_the_start_with_a_clear_message(kind, url, message):
    with pytest.raises(ValueError, match=message):
        search_backends(kind, url)


def test_the_environment_switches_the_backend():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "SEARCH_BACKEND": "opensearch",
        "SEARCH_URL": "https://search.example.org:9200",
        "SEARCH_INDEX": "maghreb",
    }
    code = "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS; print(b['ar']['INDEX_PREFIX'])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "maghreb_ar_"


@override_settings(WAGTAILSEARCH_BACKENDS=CLUSTER)
def test_wagtail_would_create_per_language_indexes_with_that_analyser():
    for language, analyser in LANGUAGE_ANALYSERS.items():
        backend = get_search_backend(language)
        index = backend.get_index_for_model(EventPage)
        assert index.name == f"kz_{language}_wagtailcore_page"
        assert backend.settings["settings"]["analysis"]["analyzer"]["default"] == {"type": analyser}
        mapping = backend.mapping_class(EventPage).get_mapping()["properties"]
        # Searchable text goes through the default (language) analyser; locale stays filterable.
        assert "title" in mapping and "analyzer" not in mapping["title"]
        assert mapping["locale_id_filter"]["type"] == "integer"
        assert mapping["title_edgengrams"]["analyzer"] == "edgengram_analyzer"


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=CLUSTER)
@pytest.mark.parametrize(("language_code", "language"), [("fr", "fr"), ("ar-dz", "ar"), ("de", "de")])
def test_a_visitor_searches_the_indexes_of_their_language(monkeypatch, language_code, language):
    from opensearchpy import OpenSearch

    sent = []

    def search(client, **request):
        sent.append(request)
        return {"hits": {"hits": [], "total": {"value": 0}}}

    def count(client, **request):
        sent.append(request)
        return {"count": 0}

    # Stands in for the cluster: remembers what would have been sent and finds nothing.
    monkeypatch.setattr(OpenSearch, "search", search)
    monkeypatch.setattr(OpenSearch, "count", count)
    locale, _created = Locale.objects.get_or_create(language_code=language_code)

    results = search_pages(Page.objects.all(), "déchets", locale)
    assert list(results[:10]) == []
    assert results.count() == 0

    assert {request["index"] for request in sent} == {f"kz_{language}_wagtailcore_page"}
    query = str(sent[0])
    assert "déchets" in query
    assert "live_filter" in query  # drafts are filtered in the query itself
