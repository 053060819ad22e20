"""The one search the site, the suggestions and the API share: same query, same language, same pages.

``search_pages(queryset, query, locale)`` is what cms/api/ calls for its ``search`` parameter.
"""

import re

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
    return pages.search(
        LocalizedPlainText(query, query_languages(locale)),
        order_by_relevance=order_by_relevance,
    )


def autocomplete_pages(queryset, query, locale=None):
    """Pages whose titles or summaries begin with what the visitor has typed so far."""
    locale = locale or active_locale()
    return visible_pages(queryset, locale).autocomplete(clean_query(query))


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
