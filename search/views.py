from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from cms.localization import active_locale, localize_all, public_pages
from cms.templatetags.site_tags import source_language
from programmes.models import CallForParticipationPage, CallStatus, EventPage, EventStatus, Partnership

from .forms import SearchForm
from .query import (
    MergedResults,
    autocomplete_pages,
    autocomplete_partnerships,
    highlight,
    query_terms,
    search_pages,
    search_partnerships,
    with_landing_page,
)

PAGE_SIZE = 10
MAX_SUGGESTIONS = 8
# Statuses worth a badge in results: what a visitor can still act on.
SHOWN_STATUSES = {CallStatus.OPEN, CallStatus.UPCOMING, EventStatus.UPCOMING, EventStatus.ONGOING}


def promoted_pages(logged_query, locale):
    """Editors' promoted pages for a query, in the visitor's language where translated; live and public only."""
    promotions = logged_query.editors_picks.filter(page__isnull=False).order_by("sort_order")
    page_ids = [promotion.page_id for promotion in promotions]
    if not page_ids:
        return []
    pages = public_pages(Page.objects.live()).filter(pk__in=page_ids).specific()
    by_id = {page.pk: page for page in localize_all(pages, locale)}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def describe(page, terms, request=None):
    """What a result shows beside its title: type, status, date, excerpt with the matched words marked."""
    # Aliases and untranslated pages carry the source language's text: stem the excerpt in that.
    language = source_language(page) or active_locale().language_code
    status, date = None, None
    if isinstance(page, CallForParticipationPage):
        status = page.status if page.status in SHOWN_STATUSES else None
        date = page.deadline
    elif isinstance(page, EventPage):
        status = page.status if page.status in SHOWN_STATUSES else None
        date = page.start
    text = page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    return {
        "object": page,
        "page": page,
        "url": page.get_url(request),
        "type_label": page.get_verbose_name(),
        "title": highlight(page.title, terms, language, length=300),
        "excerpt": highlight(text, terms, language),
        "status": status,
        "status_label": status.label if status else None,
        "date": date,
        "date_label": _("Deadline") if isinstance(page, CallForParticipationPage) else None,
    }


def describe_partnership(partnership, terms, request=None, locale=None):
    """A partnership as a result: its partners, status, the year it began and its focus and places."""
    language = source_language(partnership) or active_locale().language_code
    # Place names in the language of the partnership's text, which the excerpt is marked up as.
    with translation.override(partnership.locale.language_code):
        places = [
            partnership.region.display_name if partnership.region_id else "",
            partnership.country.name,
            partnership.german_state.display_name if partnership.german_state_id else "",
        ]
    text = " · ".join(part for part in [partnership.focus, ", ".join(p for p in places if p)] if part)
    return {
        "object": partnership,
        "page": None,
        "url": partnership.get_url(request, locale),
        "type_label": Partnership._meta.verbose_name,
        "title": highlight(partnership.title, terms, language, length=300),
        "excerpt": highlight(text, terms, language),
        "status": partnership.status,
        "status_label": partnership.get_status_display(),
        "date": None,
        "date_label": None,
        "since": partnership.since,
    }


def site_results(form, query, locale):
    """Pages and partnerships matching ``query``, as one relevance-ordered sequence for the paginator."""
    pages = search_pages(form.filter(Page.objects.all()), query, locale) if form.includes_pages() else None
    partnerships = None
    if form.includes_partnerships():
        items = Partnership.objects.select_related("locale", "country", "region", "german_state")
        items = with_landing_page(form.filter_partnerships(items), locale)
        partnerships = search_partnerships(items, query, locale)
    return MergedResults(pages, partnerships)


def search(request):
    """Full-text search over the live, public pages and the partnerships, in the visitor's language."""
    locale = active_locale()
    form = SearchForm(request.GET or None, locale=locale)
    query = form.query
    messages = form.messages
    status = 400 if messages else 200
    page_obj, results, promoted = None, [], []
    if query:
        terms = query_terms(query, locale)
        paginator = Paginator(site_results(form, query, locale), PAGE_SIZE)
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
        if page_obj:
            if page_obj.number == 1:
                logged_query = Query.get(query)
                logged_query.add_hit()
                promoted = [describe(page, terms, request) for page in promoted_pages(logged_query, locale)]
            # One query for the specific pages of the whole result page.
            page_ids = [item.pk for item in page_obj if isinstance(item, Page)]
            specific = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()} if page_ids else {}
            for item in page_obj:
                if isinstance(item, Partnership):
                    results.append(describe_partnership(item, terms, request, locale))
                elif item.pk in specific:
                    results.append(describe(specific[item.pk], terms, request))
    filters = form.active_filters()
    context = {
        "search_query": query,
        "form": form,
        "page_obj": page_obj,
        "results": results,
        "promoted": promoted,
        "search_messages": messages,
        "filter_query": filter_query(query, filters),
    }
    return TemplateResponse(request, "search/search.html", context, status=status)


def filter_query(query, filters):
    return urlencode({"q": query, **filters})


@require_GET
def suggest(request):
    """Titles for the autocomplete list: JSON for the script, the same pages (then partnerships) as the results."""
    query = request.GET.get("q", "")
    pages, partnerships = [], []
    if query.strip():
        pages = list(autocomplete_pages(Page.objects.all(), query)[:MAX_SUGGESTIONS])
        if len(pages) < MAX_SUGGESTIONS:
            # Partnerships fill what the pages leave free.
            items = Partnership.objects.select_related("locale")
            partnerships = list(autocomplete_partnerships(items, query)[: MAX_SUGGESTIONS - len(pages)])
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
            "type": str(Partnership._meta.verbose_name),
            "lang": source_language(item),
        }
        for item in partnerships
    ]
    return JsonResponse({"query": query[:200], "suggestions": suggestions})
