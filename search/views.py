from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from cms.localization import active_locale

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def search(request):
    """Full-text search over the live, public pages in the visitor's language."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    messages, status, page_obj = [], 200, None
    if query:
        results = Page.objects.live().public().filter(locale=active_locale()).specific().search(query)
        Query.get(query).add_hit()
        paginator = Paginator(results, PAGE_SIZE)
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
    context = {"search_query": query, "page_obj": page_obj, "search_messages": messages}
    return TemplateResponse(request, "search/search.html", context, status=status)
