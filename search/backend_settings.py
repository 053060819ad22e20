"""WAGTAILSEARCH_BACKENDS for the database backend (default) or an OpenSearch / Elasticsearch cluster.

settings/base.py reads the environment and calls ``search_backends``; this module reads nothing
itself and imports no models, so settings can import it. See docs/search.md.
"""

# Per-language analysers for a cluster: the built-in language analysers for German, French and
# English; for Arabic the built-in "arabic" analyser (normalisation, light stemming, stop words).
# Wagtail's Elasticsearch backend indexes every field with one analyser, so each language gets
# indexes of its own (INDEX_PREFIX per language) and search.query.search_pages searches the
# visitor's language's backend. Field names follow Wagtail's mapping ("*_edgengrams" for autocomplete).
LANGUAGE_ANALYSERS = {"de": "german", "fr": "french", "en": "english", "ar": "arabic"}


def cluster_index_settings(analyser):
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": {"type": analyser},
                    "edgengram_analyzer": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding", "edgengram"],
                    },
                },
                "filter": {"edgengram": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15}},
            }
        }
    }


def search_backends(kind="database", url="", index="kz", languages=("de", "fr", "ar", "en")):
    """The setting for ``kind``: "database" (default), "opensearch" or "elasticsearch"."""
    database = {"BACKEND": "search.backends"}
    if kind in ("", "database"):
        return {"default": database}
    module = {
        "opensearch": "wagtail.search.backends.opensearch2",
        "elasticsearch": "wagtail.search.backends.elasticsearch8",
    }.get(kind)
    if module is None:
        raise ValueError(f"SEARCH_BACKEND must be database, opensearch or elasticsearch, not {kind!r}")
    if not url:
        raise ValueError(f"SEARCH_BACKEND={kind} needs SEARCH_URL, the cluster's address (https://host:9200)")
    backends = {}
    for language in languages:
        analyser = LANGUAGE_ANALYSERS.get(language, "standard")
        backends[language] = {
            "BACKEND": module,
            "URLS": [url],
            "INDEX_PREFIX": f"{index}_{language}_",
            "TIMEOUT": 5,
            "AUTO_UPDATE": True,
            "INDEX_SETTINGS": cluster_index_settings(analyser),
        }
    # "default" is the source language's indexes, which the admin searches; the signal handlers
    # already keep them up to date through the language's own entry.
    backends["default"] = {**backends[languages[0]], "AUTO_UPDATE": False}
    return backends
