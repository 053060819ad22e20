"""The one search the site, the suggestions and the API share: same query, same language, same pages.

``search_pages(queryset, query, locale)`` is what cms/api/ calls for its ``search`` parameter.
"""

import hashlib
import re
from bisect import bisect_right
from functools import reduce
from itertools import accumulate
from operator import or_

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from cms.localization import active_locale, prefer_active_locale, public_pages
from cms.request_cache import memo

from . import analysis
from .backends.base import LocalizedPlainText

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


def site_root_paths(site=None):
    """Tree paths of ``site``'s home pages (its root page and the root's translations); with
    ``site=None``, of every site's.

    Read from Wagtail's list of site roots (cached; Wagtail clears it when a site or a site root
    changes, a new translation of a root included) and cached under that list, so no query once warm.
    """
    roots = tuple(
        sorted({root.root_path for root in Site.get_site_root_paths() if site is None or root.site_id == site.pk})
    )

    def lookup():
        key = "search:site-root-paths:" + hashlib.sha256(repr(roots).encode()).hexdigest()
        paths = cache.get(key)
        if paths is None:
            paths = sorted(Page.objects.filter(url_path__in=roots).values_list("path", flat=True))
            cache.set(key, paths, 24 * 3600)
        return paths

    return memo(("site_root_paths", roots), lookup)


def in_site_tree(queryset, site=None):
    """Only the pages under ``site``'s home pages (``site=None``: any site's): a page outside every
    site has no address to link to. ``path`` is one of Page's filter fields, so the search backends
    apply this directly."""
    paths = site_root_paths(site)
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, [Q(path__startswith=path) for path in paths]))


def visible_pages(queryset, locale, site=None):
    """Live, public pages of the site tree for ``locale``: its own pages and aliases, else the
    source-language page."""
    return prefer_active_locale(in_site_tree(public_pages(queryset.live()), site), locale)


def search_pages(queryset, query, locale=None, *, order_by_relevance=True, site=None):
    """Search ``queryset`` (pages) for ``query`` as a visitor of ``locale`` on ``site`` would.

    Returns Wagtail search results (sliceable, countable). Drafts, private pages, unpublished
    translations and pages outside the site's tree (``site=None``: every site's) are filtered out
    here, whatever ``queryset`` contains. An empty or wordless query matches nothing.
    """
    locale = locale or active_locale()
    query = clean_query(query)
    pages = visible_pages(queryset, locale, site)
    backend = cluster_backend(locale)
    if backend:
        return pages.search(query, backend=backend, order_by_relevance=order_by_relevance)
    return pages.search(
        LocalizedPlainText(query, query_languages(locale)),
        order_by_relevance=order_by_relevance,
    )


def autocomplete_pages(queryset, query, locale=None, *, site=None):
    """Pages whose titles or summaries begin with what the visitor has typed so far."""
    locale = locale or active_locale()
    pages = visible_pages(queryset, locale, site)
    backend = cluster_backend(locale)
    if backend:
        return pages.autocomplete(clean_query(query), backend=backend)
    return pages.autocomplete(clean_query(query))


def search_snippets(queryset, query, locale=None, *, order_by_relevance=True):
    """Search ``queryset`` (translatable snippets, such as partnerships) for ``query`` as a visitor of
    ``locale`` would.

    Snippets have a row per language: the visitor's language's rows, else the source language's,
    matched with the same per-language analysis as pages. They have no draft state; whether the site
    has a page for them to land on is the caller's business (SearchSource.visible).
    """
    locale = locale or active_locale()
    query = clean_query(query)
    items = prefer_active_locale(queryset, locale)
    backend = cluster_backend(locale)
    if backend:
        return items.search(query, backend=backend, order_by_relevance=order_by_relevance)
    return items.search(LocalizedPlainText(query, query_languages(locale)), order_by_relevance=order_by_relevance)


def autocomplete_snippets(queryset, query, locale=None):
    """Snippets whose titles begin with what the visitor has typed so far, in the visitor's language
    else the source language."""
    locale = locale or active_locale()
    items = prefer_active_locale(queryset, locale)
    backend = cluster_backend(locale)
    if backend:
        return items.autocomplete(clean_query(query), backend=backend)
    return items.autocomplete(clean_query(query))


def search_every_language(queryset, query, *, order_by_relevance=True):
    """Search pages or snippets of every language (the API without ``locale``).

    Each query word is tried in every site language. Pages are restricted to live, public ones.
    """
    query = clean_query(query)
    if issubclass(queryset.model, Page):
        queryset = in_site_tree(public_pages(queryset.live()))
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


def accessor_chain(model):
    """The reverse one-to-one accessors from Page down to ``model`` (multi-table inheritance)."""
    chain = []
    while model is not Page:
        parent, link = next((parent, link) for parent, link in model._meta.parents.items() if issubclass(parent, Page))
        chain.insert(0, link.remote_field.get_accessor_name())
        model = parent
    return chain


def lookup_from_page(model, lookup):
    """``lookup``, a lookup from ``model`` (a page model), as one from Page: through the reverse
    accessors down to the table that holds its first field (none for Page's own fields)."""
    owner = model._meta.get_field(lookup.split("__")[0]).model
    return "__".join([*accessor_chain(owner), lookup])


def specific_pages(pages):
    """{pk: specific page} for ``pages`` (Page objects), in one query whatever their types.

    ``Page.specific()`` runs a query per content type; here the tables of the types present are
    joined to one query, a few rows by primary key.
    """
    pages = list(pages)
    if not pages:
        return {}
    chains = {page.specific_class: None for page in pages if page.specific_class is not None}
    chains = {model: accessor_chain(model) for model in chains}
    paths = {"__".join(chain) for chain in chains.values() if chain}
    found = {}
    for row in Page.objects.filter(pk__in=[page.pk for page in pages]).select_related(*paths):
        obj = row
        try:
            for accessor in chains.get(row.specific_class, []):
                obj = getattr(obj, accessor)
        except ObjectDoesNotExist:  # a child row missing: the base page is better than nothing
            obj = row
        found[row.pk] = obj
    return found


TOKEN_RE = re.compile(rf"([\w{analysis.COMBINING}]+)", re.UNICODE)


def excerpt_hits(text, terms, language):
    """(tokens, {token index: matched term index}) for ``text``; odd indexes are words."""
    parts = TOKEN_RE.split(" ".join((text or "").split()))
    hits = {}
    for i in range(1, len(parts), 2):
        term = analysis.matched_term(parts[i], language, terms)
        if term is not None:
            hits[i] = term
    return parts, hits


def best_start(parts, hits, length):
    """Where the excerpt with the most distinct matched terms (then the most matches) begins:
    a few words before one of the matches, so that the reader sees the context."""
    if not hits:
        return 0
    ends = list(accumulate(len(part) for part in parts))  # ends[i]: characters up to part i
    best, best_score = 0, None
    for hit in sorted(hits):
        start = max(0, hit - 10)
        start -= start % 2
        before = ends[start - 1] if start else 0
        stop = bisect_right(ends, before + length)  # parts [start, stop) fit
        inside = [hits[i] for i in hits if start <= i < stop]
        score = (len(set(inside)), len(inside))
        if best_score is None or score > best_score:
            best, best_score = start, score
    return best


def highlight(text, terms, language, *, length=240):
    """An excerpt of ``text`` around its best-matching passage, escaped, matched words in <mark>."""
    parts, hits = excerpt_hits(text, terms, language)
    if not "".join(parts):
        return ""
    return render_excerpt(parts, hits, best_start(parts, hits, length), length)


def render_excerpt(parts, hits, start, length):
    """Up to ``length`` characters of ``parts`` from ``start``, escaped, the ``hits`` in <mark>."""
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
