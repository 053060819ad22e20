"""The one search the site, the suggestions and the API share: same query, same language, same pages.

``search_pages(queryset, query, locale)`` is what cms/api/ calls for its ``search`` parameter.
"""

import re

from django.conf import settings
from django.db.models import Exists
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from cms.localization import active_locale, prefer_active_locale, public_pages
from cms.request_cache import memo

from . import analysis
from .backends import LocalizedPlainText

MAX_QUERY_LENGTH = 200
# Bidi overrides/isolates and zero-width characters: they reorder or hide what the visitor reads back.
CONTROL_CHARACTERS = re.compile("[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_query(raw):
    """The query as the visitor will read it back: no control characters, single spaces, at most 200 characters."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH].strip()


def query_languages(locale):
    """The visitor's language first, then the source language: aliases and untranslated pages carry its text."""
    default = memo("default_locale", Locale.get_default).language_code
    return list(dict.fromkeys([locale.language_code, default]))


def cluster_backend(locale):
    """The name of ``locale``'s OpenSearch/Elasticsearch backend, or None on the database backend.

    A cluster analyses each language in indexes of its own (search/backend_settings.py); the
    database backend analyses per language itself (search/backends).
    """
    language = locale.language_code.split("-")[0]
    backend = settings.WAGTAILSEARCH_BACKENDS.get(language)
    return language if backend and backend["BACKEND"] != "search.backends" else None


def visible_pages(queryset, locale):
    """Live, public pages for ``locale``: its own pages and aliases, else the source-language page."""
    return prefer_active_locale(public_pages(queryset.live()), locale)


def search_pages(queryset, query, locale=None, *, order_by_relevance=True):
    """Search ``queryset`` (pages) for ``query`` as a visitor of ``locale`` would.

    Returns Wagtail search results (sliceable, countable). Drafts, private pages and unpublished
    translations are filtered out here, whatever ``queryset`` contains. An empty or wordless query
    matches nothing.
    """
    locale = locale or active_locale()
    query = clean_query(query)
    pages = visible_pages(queryset, locale)
    backend = cluster_backend(locale)
    if backend:
        return pages.search(query, backend=backend, order_by_relevance=order_by_relevance)
    return pages.search(
        LocalizedPlainText(query, query_languages(locale)),
        order_by_relevance=order_by_relevance,
    )


def autocomplete_pages(queryset, query, locale=None):
    """Pages whose titles or summaries begin with what the visitor has typed so far."""
    locale = locale or active_locale()
    backend = cluster_backend(locale)
    if backend:
        return visible_pages(queryset, locale).autocomplete(clean_query(query), backend=backend)
    return visible_pages(queryset, locale).autocomplete(clean_query(query))


def search_partnerships(queryset, query, locale=None, *, order_by_relevance=True):
    """Search ``queryset`` (partnerships) for ``query`` as a visitor of ``locale`` would.

    Partnerships are snippets with a row per language: the visitor's language's rows, else the
    source language's, matched with the same per-language analysis as pages. They have no draft
    state; whether the site has a page for them to land on is the caller's business.
    """
    locale = locale or active_locale()
    query = clean_query(query)
    items = prefer_active_locale(queryset, locale)
    backend = cluster_backend(locale)
    if backend:
        return items.search(query, backend=backend, order_by_relevance=order_by_relevance)
    return items.search(LocalizedPlainText(query, query_languages(locale)), order_by_relevance=order_by_relevance)


def with_landing_page(queryset, locale):
    """``queryset`` (partnerships), or none of them when no partnership index is published for
    ``locale`` or the source language: a result must lead to a page. Checked inside the search's
    own queries (through the ids, as the backend filters on indexed fields only)."""
    from programmes.models import PartnershipIndexPage

    default = memo("default_locale", Locale.get_default)
    landing = public_pages(PartnershipIndexPage.objects.live()).filter(locale_id__in={locale.pk, default.pk})
    return queryset.filter(id__in=queryset.model.objects.filter(Exists(landing)).values("id"))


def autocomplete_partnerships(queryset, query, locale=None):
    """Partnerships whose partners' names begin with what the visitor has typed so far."""
    locale = locale or active_locale()
    items = with_landing_page(prefer_active_locale(queryset, locale), locale)
    backend = cluster_backend(locale)
    if backend:
        return items.autocomplete(clean_query(query), backend=backend)
    return items.autocomplete(clean_query(query))


def search_every_language(queryset, query, *, order_by_relevance=True):
    """Search pages or partnerships of every language (the API without ``locale``).

    Each query word is tried in every site language. Pages are restricted to live, public ones.
    """
    from wagtail.models import Page

    query = clean_query(query)
    if issubclass(queryset.model, Page):
        queryset = public_pages(queryset.live())
    if cluster_backend(Locale(language_code=settings.LANGUAGE_CODE)):
        # A cluster has an index per language and no query across them: the source language's.
        return queryset.search(query, order_by_relevance=order_by_relevance)
    languages = [code for code, _name in settings.LANGUAGES]
    return queryset.search(LocalizedPlainText(query, languages), order_by_relevance=order_by_relevance)


class MergedResults:
    """Search results of several models as one sequence in relevance order, for a Paginator.

    Each part is a Wagtail search result set; its score (higher is better on both database
    backends) decides the order, then the part's position in ``parts``, then its own order. A
    window [start:stop] reads the first ``stop`` results of each part, so the number of queries
    does not grow with the number of results, and consecutive windows never overlap.
    """

    def __init__(self, *parts):
        self.parts = [part.annotate_score("_score") for part in parts if part is not None]
        self._count = None

    def count(self):
        if self._count is None:
            self._counts = [part.count() for part in self.parts]
            self._count = sum(self._counts)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is None:
            stop = self.count()
        self.count()
        ranked = []
        for index, (part, total) in enumerate(zip(self.parts, self._counts, strict=True)):
            if not total or stop <= 0:
                continue  # nothing to fetch: no query
            for position, item in enumerate(part[:stop]):
                ranked.append((-(getattr(item, "_score", 0) or 0), index, position, item))
        ranked.sort(key=lambda entry: entry[:3])
        return [entry[3] for entry in ranked[start:stop]]


def query_terms(query, locale):
    return analysis.query_terms(clean_query(query), query_languages(locale))


TOKEN_RE = re.compile(r"(\w+)", re.UNICODE)


def highlight(text, terms, language, *, length=240):
    """An excerpt of ``text`` around the first matched word, escaped, matched words in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    parts = TOKEN_RE.split(text)  # odd indexes are words
    hits = {i for i in range(1, len(parts), 2) if analysis.matches(parts[i], language, terms)}
    start = 0
    if hits:
        # Begin a few words before the first match.
        start = max(0, min(hits) - 10)
        start -= start % 2
    out, size = [], 0
    if start:
        out.append("… ")
    for i in range(start, len(parts)):
        piece = parts[i]
        if size + len(piece) > length:
            out.append(" …")
            break
        size += len(piece)
        out.append(f"<mark>{escape(piece)}</mark>" if i in hits else escape(piece))
    return mark_safe("".join(out))
