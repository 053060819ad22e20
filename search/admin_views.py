"""Admin report: the most frequent search terms, for editors (Wagtail's own report is for superusers only)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportFilterSet
from wagtail.permission_policies import ModelPermissionPolicy

# Editors may open the report with this permission (editorial/roles.py grants it).
VIEW_PERMISSION = "wagtailsearchpromotions.view_query"
PROMOTION_PERMISSIONS = [f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")]


class PopularQueriesReportView(ReportView):
    page_title = _("Popular search terms")
    header_icon = "search"
    index_url_name = "search_admin:popular_queries"
    index_results_url_name = "search_admin:popular_queries_results"
    results_template_name = "search/admin/popular_queries_results.html"
    no_results_message = _("Nobody has searched the site yet (in the chosen period).")
    permission_policy = ModelPermissionPolicy(Query)
    permission_required = "view"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = SearchTermsReportFilterSet
    default_ordering = "-_hits"
    list_export = ["query_string", "_hits"]
    export_headings = {"query_string": _("Search term"), "_hits": _("Searches")}

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        # Hits summed over the days in the chosen period (the filter narrows daily_hits).
        return Query.get_most_popular()

    def get_filename(self):
        return "popular-search-terms"

    def decorate_paginated_queryset(self, object_list):
        """Each term with its number of searches and, for who may change them, a link to its promoted results."""
        queries = list(object_list)
        may_promote = any(self.request.user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)
        for query in queries:
            query.searches = query._hits  # templates cannot read names that begin with "_"
            query.promotions_url = reverse("wagtailsearchpromotions:edit", args=[query.pk]) if may_promote else None
        return queries
