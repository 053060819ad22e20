from functools import partial
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Site

from cms import content_cache
from cms.languages import source_language
from cms.localization import active_locale, localize_all, public_pages
from cms.platform import registry

from .forms import SearchForm
from .query import (
    MergedResults,
    autocomplete_pages,
    autocomplete_snippets,
    best_start,
    clean_query,
    excerpt_hits,
    highlight,
    in_site_tree,
    query_terms,
    render_excerpt,
    search_pages,
    search_snippets,
    specific_pages,
)
from .text import body_texts, summary_text

PAGE_SIZE = 10
EXCERPT_LENGTH = 240
MAX_SUGGESTIONS = 8
# What a result line shows unless its PageSearch or SearchSource says otherwise.
NO_RESULT_LINE = {"status": None, "status_label": None, "date": None, "date_label": None}


def promoted_pages(logged_query, locale, site=None):
    """Editors' promoted pages for a query, in the visitor's language where translated (else marked as
    not yet translated); live, public and in the site's tree only. Page objects, in the editors' order."""
    visible = in_site_tree(public_pages(Page.objects.live()), site)
    promotions = (
        logged_query.editors_picks.filter(page__in=visible.values("pk")).select_related("page").order_by("sort_order")
    )
    pages = list(dict.fromkeys(promotion.page for promotion in promotions))
    # In the order given, so each promotion keeps its place whichever language version replaces it.
    return localize_all(pages, locale)


def excerpt(page, terms, language):
    """The page's summary when a matched word is in it; else the best-matching passage of its other
    indexed text (body, rich text fields); else the summary as it is."""
    summary = summary_text(page)
    parts, hits = excerpt_hits(summary, terms, language)
    if not hits:
        best = None
        for text in body_texts(page):
            text_parts, text_hits = excerpt_hits(text, terms, language)
            score = (len(set(text_hits.values())), len(text_hits))
            if text_hits and (best is None or score > best[0]):
                best = (score, text_parts, text_hits)
        if best:
            _score, parts, hits = best
    if not "".join(parts):
        return ""
    return render_excerpt(parts, hits, best_start(parts, hits, EXCERPT_LENGTH), EXCERPT_LENGTH)


def describe(page, terms, request=None):
    """What a result shows beside its title: type, the result line of its PageSearch (status, date),
    excerpt with the matched words marked."""
    # Aliases and untranslated pages carry the source language's text: stem the excerpt in that.
    language = source_language(page) or active_locale().language_code
    page_type = registry.page_type(type(page))
    result = page_type.search.result if page_type and page_type.search else None
    return {
        "object": page,
        "page": page,
        "url": page.get_url(request),
        "type_label": page.get_verbose_name(),
        "title": highlight(page.title, terms, language, length=300),
        "excerpt": excerpt(page, terms, language),
        **NO_RESULT_LINE,
        **(result(page) if result else {}),
    }


def describe_item(source, item, terms, request=None, locale=None):
    """A SearchSource's item as a result: its title, and the text and result line its source gives."""
    language = source_language(item) or active_locale().language_code
    line = dict(source.describe(item, request, locale))
    url, text = line.pop("url"), line.pop("text")
    return {
        "object": item,
        "page": None,
        "url": url,
        "type_label": source.model._meta.verbose_name,
        "title": highlight(item.title, terms, language, length=300),
        "excerpt": highlight(text, terms, language),
        **NO_RESULT_LINE,
        **line,
    }


def site_results(form, query, locale, site=None):
    """Pages and the search sources' items (partnerships) matching ``query``, as one relevance-ordered
    sequence for the paginator."""
    pages = None
    if form.includes_pages():
        pages = search_pages(form.filter(Page.objects.all()), query, locale, site=site)
    items = []
    for source in form.sources():
        rows = source.queryset().select_related(*source.result_related)
        rows = source.visible(form.filter_source(source, rows), locale)
        items.append(search_snippets(rows, query, locale))
    return MergedResults(pages, *items)


def search(request):
    """Full-text search over the live, public pages and the search sources (partnerships), in the
    visitor's language.

    The answer to a query (status, results, the page's HTML) is kept in the content cache per address
    and language until published content changes or a shown status changes with the date
    (cms/content_cache.py), and worked out only where it is not. Each answered first page still counts
    in Wagtail's search statistics."""
    query = clean_query(request.GET.get("q", ""))
    answer = content_cache.LazyValues(partial(search_answer, request, query))
    if not query:  # the form alone: nothing to search, nothing to keep
        context = answer.values
        return TemplateResponse(
            request, "search/search.html", {**context, "search_cache_name": ""}, status=context["status"]
        )
    status, counted = content_cache.cached(
        "search-status",
        (request.get_host(), request.get_full_path()),
        lambda: (answer.get("status"), answer.get("counted")),
        request=request,
    )
    if counted:
        Query.get(query).add_hit()
    context = answer.lazy(
        ("form", "page_obj", "answered", "results", "promoted", "search_messages", "filter_query", "unfiltered_query")
    )
    return TemplateResponse(
        request, "search/search.html", {**context, "search_query": query, "search_cache_name": "search"}, status=status
    )


def search_answer(request, query):
    """The search page's context for ``query``, its status and whether it is a first page of results
    (counted in the search statistics)."""
    locale = active_locale()
    site = Site.find_for_request(request)
    form = SearchForm(request.GET or None, locale=locale)
    messages = form.messages
    status = 400 if messages else 200
    page_obj, results, promoted = None, [], []
    if query:
        terms = query_terms(query, locale)
        paginator = Paginator(site_results(form, query, locale, site), PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            messages.append(_("The page number must be a whole number."))
            status = 400
        except EmptyPage:
            messages.append(
                _("There is no page %(number)s; the results have %(count)s page(s).")
                % {"number": request.GET.get("page"), "count": paginator.num_pages}
            )
            status = 404
        # A page without results is falsy, yet it is an answer: count, "nothing matches", promotions.
        if page_obj is not None:
            promoted_base = []
            if page_obj.number == 1:
                promoted_base = promoted_pages(Query.get(query), locale, site)
            items = list(page_obj)
            # One query for the specific pages of the whole result page, promotions included.
            specific = specific_pages(promoted_base + [item for item in items if isinstance(item, Page)])
            promoted = [describe(specific[page.pk], terms, request) for page in promoted_base if page.pk in specific]
            sources = registry.search_sources()
            for item in items:
                if source := next((s for s in sources if isinstance(item, s.model)), None):
                    results.append(describe_item(source, item, terms, request, locale))
                elif item.pk in specific:
                    results.append(describe(specific[item.pk], terms, request))
    filters = form.active_filters()
    return {
        "search_query": query,
        "form": form,
        "page_obj": page_obj,
        "results": results,
        "promoted": promoted,
        "search_messages": messages,
        "filter_query": filter_query(query, filters),
        # Offered when nothing matches: the same query without the filters.
        "unfiltered_query": urlencode({"q": query}) if filters else "",
        # A result page, also an empty one (not a bad page number).
        "answered": page_obj is not None,
        "status": status,
        "counted": page_obj is not None and page_obj.number == 1,
    }


def filter_query(query, filters):
    return urlencode({"q": query, **filters})


@require_GET
def suggest(request):
    """Titles for the autocomplete list: JSON for the script, the same pages (then the search sources'
    items, such as partnerships) as the results."""
    query = request.GET.get("q", "")
    pages, items = [], []
    if query.strip():
        site = Site.find_for_request(request)
        pages = list(autocomplete_pages(Page.objects.all(), query, site=site)[:MAX_SUGGESTIONS])
        # The sources fill, in their order, what the pages leave free.
        locale = active_locale()
        for source in registry.search_sources():
            free = MAX_SUGGESTIONS - len(pages) - len(items)
            if free <= 0:
                break
            rows = source.visible(source.queryset(), locale)
            items += [(source, item) for item in autocomplete_snippets(rows, query, locale)[:free]]
    suggestions = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": str(page.specific_class._meta.verbose_name),
            "lang": source_language(page),
        }
        for page in pages
    ] + [
        {
            "title": item.title,
            "url": item.get_url(request),
            "type": str(source.model._meta.verbose_name),
            "lang": source_language(item),
        }
        for source, item in items
    ]
    return JsonResponse({"query": query[:200], "suggestions": suggestions})
