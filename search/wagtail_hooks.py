"""Admin: the popular search terms as a report for editors, and the permission that opens it."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_PERMISSION, PopularQueriesReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", PopularQueriesReportView.as_view(), name="popular_queries"),
        path("results/", PopularQueriesReportView.as_view(results_only=True), name="popular_queries_results"),
    ]
    return [path("reports/popular-search-terms/", include((urls, "search_admin")))]


class PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_popular_queries_menu_item():
    return PermissionMenuItem(
        _("Popular search terms"),
        reverse("search_admin:popular_queries"),
        name="popular-search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def hide_superuser_only_search_terms(request, menu_items):
    # Wagtail's "Search terms" shows the same for superusers only: one entry, for everyone permitted.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def register_permissions():
    # Offered in the group editor beside the search promotion permissions Wagtail registers.
    return Permission.objects.filter(content_type__app_label="wagtailsearchpromotions", codename="view_query")
